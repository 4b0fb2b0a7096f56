import { admin } from '../trpc.ts';
import { listAgencies } from './agencies.service.ts';

export const agenciesRouter = admin.router({
  list: admin.allow('support', 'finance', 'admin').query(async ({ ctx }) => ({ agencies: await listAgencies(ctx) })),
});
