import { admin } from '../trpc.ts';
import {
  createUserInput,
  deactivateInput,
  listUsersInput,
  reactivateInput,
  setRolesInput,
  userInput,
} from './users.schemas.ts';
import {
  createStaffUser,
  deactivateStaffUser,
  listStaffUsers,
  reactivateStaffUser,
  sendPasswordReset,
  setUserRoles,
  staffUserDetail,
  unlockStaffUser,
} from './users.service.ts';

export const usersRouter = admin.router({
  /** Every employee, supplier and operator account with its roles, agency, status and last sign-in; paged. */
  list: admin
    .allow('admin')
    .input(listUsersInput)
    .query(({ ctx, input }) => listStaffUsers(ctx, input)),

  /** One account, and which of the actions on it the rules allow now (and why not). */
  detail: admin
    .allow('admin')
    .input(userInput)
    .query(({ ctx, input }) => staffUserDetail(ctx, input)),

  /** Creates a supplier, employee or operator account; the person sets a password from the e-mailed invitation. */
  create: admin
    .allow('admin')
    .input(createUserInput)
    .mutation(({ ctx, input }) => createStaffUser(ctx, input)),

  /** Changes what an account may do; takes effect on its next request (roles are read per request). */
  setRoles: admin
    .allow('admin')
    .input(setRolesInput)
    .mutation(({ ctx, input }) => setUserRoles(ctx, input)),

  /** Stops an account from signing in and ends its sessions and tokens at once. */
  deactivate: admin
    .allow('admin')
    .input(deactivateInput)
    .mutation(({ ctx, input }) => deactivateStaffUser(ctx, input)),

  reactivate: admin
    .allow('admin')
    .input(reactivateInput)
    .mutation(({ ctx, input }) => reactivateStaffUser(ctx, input)),

  /** Lifts the lock the sign-in limit put on an account after too many failed sign-ins. */
  unlock: admin
    .allow('admin')
    .input(userInput)
    .mutation(({ ctx, input }) => unlockStaffUser(ctx, input)),

  /** E-mails the owner a link to set a new password (a new invitation while none was ever set). */
  sendPasswordReset: admin
    .allow('admin')
    .input(userInput)
    .mutation(({ ctx, input }) => sendPasswordReset(ctx, input)),
});
