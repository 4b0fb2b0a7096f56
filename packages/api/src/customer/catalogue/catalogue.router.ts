import { customer } from '../trpc.ts';
import { listCatalogueInput } from './catalogue.schemas.ts';
import { listUpcomingLaunches } from './catalogue.service.ts';

export const catalogueRouter = customer.router({
  /** Public: anyone may browse what is for sale. */
  list: customer.public
    .input(listCatalogueInput)
    .query(async ({ ctx, input }) => ({ launches: await listUpcomingLaunches(ctx, input.limit) })),
});
