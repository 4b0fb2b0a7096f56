import { catalogueRouter } from './catalogue/catalogue.router.ts';
import { customer } from './trpc.ts';

export const customerRouter = customer.router({
  catalogue: catalogueRouter,
});
export type CustomerRouter = typeof customerRouter;
