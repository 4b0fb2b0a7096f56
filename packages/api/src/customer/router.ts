import { signedInAs } from '../access.ts';
import { accountRouter } from './account/account.router.ts';
import { bookingsRouter } from './bookings/bookings.router.ts';
import { catalogueRouter } from './catalogue/catalogue.router.ts';
import { customer } from './trpc.ts';
import { waitingListRouter } from './waiting-list/waiting-list.router.ts';

export const customerRouter = customer.router({
  /** Who is signed in to this app, or null. */
  me: customer.public.query(({ ctx }) => signedInAs(ctx.viewer)),
  catalogue: catalogueRouter,
  bookings: bookingsRouter,
  waitingList: waitingListRouter,
  account: accountRouter,
});
export type CustomerRouter = typeof customerRouter;
