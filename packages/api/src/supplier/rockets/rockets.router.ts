import { agencyProcedure, supplier } from '../trpc.ts';
import { listAgencyRockets } from './rockets.service.ts';

export const rocketsRouter = supplier.router({
  list: agencyProcedure.query(({ ctx }) => listAgencyRockets(ctx)),
});
