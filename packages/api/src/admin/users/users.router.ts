import { admin } from '../trpc.ts';
import { createUserInput, setRolesInput } from './users.schemas.ts';
import { createStaffUser, setUserRoles } from './users.service.ts';

export const usersRouter = admin.router({
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
});
