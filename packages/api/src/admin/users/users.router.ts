import { TRPCError } from '@trpc/server';
import { AccountError } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { admin } from '../trpc.ts';
import { createUserInput } from './users.schemas.ts';

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
});
