import { admin } from '../trpc.ts';
import { legalInput } from './agencies.schemas.ts';
import { listAgencies, updateAgencyLegal } from './agencies.service.ts';

export const agenciesRouter = admin.router({
  list: admin.allow('support', 'finance', 'admin').query(({ ctx }) => listAgencies(ctx)),
  /** Legal data goes on invoices, so only employees (admins) may change it. */
  updateLegal: admin
    .allow('admin')
    .input(legalInput)
    .mutation(({ ctx, input }) => updateAgencyLegal(ctx, input)),
});
