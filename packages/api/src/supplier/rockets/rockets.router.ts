import { agencyProcedure, supplier } from '../trpc.ts';
import { createRocket, deactivateRocket, updateRocket } from './rockets.commands.ts';
import { rocketFields, rocketId, updateRocketInput } from './rockets.schemas.ts';
import { listAgencyRockets } from './rockets.service.ts';

export const rocketsRouter = supplier.router({
  list: agencyProcedure.query(({ ctx }) => listAgencyRockets(ctx)),
  create: agencyProcedure.input(rocketFields).mutation(({ ctx, input }) => createRocket(ctx, input)),
  update: agencyProcedure
    .input(updateRocketInput)
    .mutation(({ ctx, input: { rocketId, ...fields } }) => updateRocket(ctx, rocketId, fields)),
  deactivate: agencyProcedure.input(rocketId).mutation(({ ctx, input }) => deactivateRocket(ctx, input.rocketId)),
});
