import { customer } from '../trpc.ts';
import { launchBySlugInput, listCatalogueInput } from './catalogue.schemas.ts';
import { launchBySlug, listUpcomingLaunches } from './catalogue.service.ts';

export const catalogueRouter = customer.router({
  /** Public: anyone may browse what is for sale. */
  list: customer.public.input(listCatalogueInput).query(({ ctx, input }) => listUpcomingLaunches(ctx, input)),
  /** Public: a launch's page, by the address in its slug. */
  launch: customer.public.input(launchBySlugInput).query(({ ctx, input }) => launchBySlug(ctx, input)),
});
