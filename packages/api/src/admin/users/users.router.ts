import { TRPCError } from '@trpc/server';
import { AccountError } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { User } from '@astro/db/system';
import { admin } from '../trpc.ts';
import { createUserInput, setRolesInput } from './users.schemas.ts';

export const usersRouter = admin.router({
  /** Creates a supplier, employee or operator account; the person sets a password from the e-mailed invitation. */
  create: admin
    .allow('admin')
    .input(createUserInput)
    .mutation(async ({ ctx, input }) => {
      if (input.agencyId && !(await ctx.operationalDb.count(Agency, { id: input.agencyId })))
        throw new TRPCError({ code: 'NOT_FOUND', message: 'That agency does not exist.' });
      try {
        const { user } = await ctx.accounts.createStaffAccount(input, { userId: ctx.viewer!.userId });
        return { id: user.id, email: user.email, roles: user.roles, invited: true };
      } catch (error) {
        if (error instanceof AccountError)
          throw new TRPCError({ code: error.reason === 'taken' ? 'CONFLICT' : 'BAD_REQUEST', message: error.message });
        throw error;
      }
    }),

  /** Changes what an account may do; takes effect on its next request (roles are read per request). */
  setRoles: admin
    .allow('admin')
    .input(setRolesInput)
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.viewer!.userId && !input.roles.includes('admin'))
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot take the admin role from yourself.' });
      const user = await ctx.systemDb.findOne(User, input.userId);
      if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'That account does not exist.' });
      const changed = await ctx.accounts.changeRoles(user.id, input.roles, { userId: ctx.viewer!.userId });
      return { id: changed.id, roles: changed.roles };
    }),
});
