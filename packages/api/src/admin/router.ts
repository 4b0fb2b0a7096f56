import { signedInAs } from '../access.ts';
import { agenciesRouter } from './agencies/agencies.router.ts';
import { auditRouter } from './audit/audit.router.ts';
import { bookingsRouter } from './bookings/bookings.router.ts';
import { financeRouter } from './finance/finance.router.ts';
import { launchesRouter } from './launches/launches.router.ts';
import { admin } from './trpc.ts';
import { usersRouter } from './users/users.router.ts';

export const adminRouter = admin.router({
  /** Who is signed in to this app, or null. */
  me: admin.public.query(({ ctx }) => signedInAs(ctx.viewer)),
  agencies: agenciesRouter,
  users: usersRouter,
  bookings: bookingsRouter,
  audit: auditRouter,
  launches: launchesRouter,
  finance: financeRouter,
});
export type AdminRouter = typeof adminRouter;
