import { signedInAs } from '../access.ts';
import { bookingsRouter } from './bookings/bookings.router.ts';
import { catalogueRouter } from './catalogue/catalogue.router.ts';
import { customer } from './trpc.ts';

export const customerRouter = customer.router({
  /** Who is signed in to this app, or null. */
  me: customer.public.query(({ ctx }) => signedInAs(ctx.viewer)),
  catalogue: catalogueRouter,
  bookings: bookingsRouter,
});
export type CustomerRouter = typeof customerRouter;
