import { AccountError } from '@astro/auth/accounts';
import { Agency, auditValues, changedFields, recordAudit } from '@astro/db/operational';
import { User } from '@astro/db/system';
import { auditActorOf } from '../../access.ts';
import { TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import type { CreateUserInput, SetRolesInput } from './users.schemas.ts';

export async function createStaffUser(ctx: AdminContext, input: CreateUserInput) {
  if (input.agencyId && !(await ctx.operationalDb.count(Agency, { id: input.agencyId })))
    throw new TRPCError({ code: 'NOT_FOUND', message: 'That agency does not exist.' });
  try {
    // The account lives in the System DB; its entry is committed once the account is made, or not at all.
    return await ctx.operationalDb.transactional(async (em) => {
      const { user } = await ctx.accounts.createStaffAccount(input, { userId: ctx.viewer!.userId });
      recordAudit(
        em,
        {
          actor: auditActorOf(ctx.viewer!),
          action: 'account.create',
          target: { type: 'account', id: user.id },
          before: null,
          after: auditValues({ name: user.name, email: user.email, roles: user.roles, agencyId: user.agencyId }),
        },
        ctx.now(),
      );
      return { id: user.id, email: user.email, roles: user.roles, invited: true };
    });
  } catch (error) {
    if (error instanceof AccountError)
      throw new TRPCError({ code: error.reason === 'taken' ? 'CONFLICT' : 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

export async function setUserRoles(ctx: AdminContext, input: SetRolesInput) {
  if (input.userId === ctx.viewer!.userId && !input.roles.includes('admin'))
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot take the admin role from yourself.' });
  const user = await ctx.systemDb.findOne(User, input.userId);
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'That account does not exist.' });
  const before = { roles: [...user.roles] };
  return ctx.operationalDb.transactional(async (em) => {
    const changed = await ctx.accounts.changeRoles(user.id, input.roles, { userId: ctx.viewer!.userId });
    recordAudit(
      em,
      {
        actor: auditActorOf(ctx.viewer!),
        action: 'account.setRoles',
        target: { type: 'account', id: changed.id },
        ...changedFields(before, { roles: changed.roles }),
      },
      ctx.now(),
    );
    return { id: changed.id, roles: changed.roles };
  });
}
