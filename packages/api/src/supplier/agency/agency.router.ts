/** The agency's profile: suppliers keep their contact details and description; legal data is the employees'. */
import { agencyProcedure, supplier } from '../trpc.ts';
import { profileInput } from './agency.schemas.ts';
import { agencyProfile, updateAgencyProfile } from './agency.service.ts';

export const agencyRouter = supplier.router({
  get: agencyProcedure.query(({ ctx }) => agencyProfile(ctx)),
  update: agencyProcedure.input(profileInput).mutation(({ ctx, input }) => updateAgencyProfile(ctx, input)),
});
