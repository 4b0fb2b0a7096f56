import { admin } from '../trpc.ts';
import { listAgencies } from './agencies.service.ts';

export const agenciesRouter = admin.router({
  list: admin.procedure.query(async ({ ctx }) => ({ agencies: await listAgencies(ctx) })),
});
