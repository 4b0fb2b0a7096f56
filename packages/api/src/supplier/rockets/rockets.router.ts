import { agencyProcedure, supplier } from '../trpc.ts';
import { rocketFields, rocketId, updateRocketInput } from './rockets.schemas.ts';
import { createRocket, deactivateRocket, listAgencyRockets, updateRocket } from './rockets.service.ts';

export const rocketsRouter = supplier.router({
  list: agencyProcedure.query(({ ctx }) => listAgencyRockets(ctx)),
  create: agencyProcedure.input(rocketFields).mutation(({ ctx, input }) => createRocket(ctx, input)),
  update: agencyProcedure.input(updateRocketInput).mutation(({ ctx, input }) => updateRocket(ctx, input)),
  deactivate: agencyProcedure.input(rocketId).mutation(({ ctx, input }) => deactivateRocket(ctx, input)),
});
