import { admin } from '../trpc.ts';
import { agencyIdInput, legalInput, onboardInput, statusChangeInput } from './agencies.schemas.ts';
import {
  agencyDetail,
  listAgencies,
  onboardAgency,
  reactivateAgency,
  suspendAgency,
  updateAgencyLegal,
} from './agencies.service.ts';

export const agenciesRouter = admin.router({
  list: admin.allow('support', 'finance', 'admin').query(({ ctx }) => listAgencies(ctx)),
  detail: admin
    .allow('support', 'finance', 'admin')
    .input(agencyIdInput)
    .query(({ ctx, input }) => agencyDetail(ctx, input)),
  /** Agencies join by an admin (SPEC.md §2); their supplier users are invited with `users.create`. */
  onboard: admin
    .allow('admin')
    .input(onboardInput)
    .mutation(({ ctx, input }) => onboardAgency(ctx, input)),
  /** Legal data goes on invoices, so only employees (admins) may change it. */
  updateLegal: admin
    .allow('admin')
    .input(legalInput)
    .mutation(({ ctx, input }) => updateAgencyLegal(ctx, input)),
  /** Pauses the agency's sales in the catalogue and makes its suppliers read-only; bookings made stand. */
  suspend: admin
    .allow('admin')
    .input(statusChangeInput)
    .mutation(({ ctx, input }) => suspendAgency(ctx, input)),
  reactivate: admin
    .allow('admin')
    .input(statusChangeInput)
    .mutation(({ ctx, input }) => reactivateAgency(ctx, input)),
});
