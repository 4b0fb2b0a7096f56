import { AccountError, staffRoles, type AccountStatus } from '@astro/auth/accounts';
import { Agency, auditValues, changedFields, recordAudit, type AuditedAction } from '@astro/db/operational';
import { User } from '@astro/db/system';
import { allowed, unavailable } from '@astro/domain';
import { auditActorOf } from '../../access.ts';
import { containing } from '../../text.ts';
import { TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import type {
  AccountDetail,
  AccountSummary,
  CreateUserInput,
  DeactivateInput,
  ListUsersInput,
  ReactivateInput,
  SetRolesInput,
  UserInput,
} from './users.schemas.ts';

const codeOf: Record<AccountError['reason'], TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  taken: 'CONFLICT',
  unknown: 'NOT_FOUND',
  refused: 'CONFLICT',
  busy: 'CONFLICT',
  credentials: 'BAD_REQUEST',
  locked: 'CONFLICT',
  throttled: 'TOO_MANY_REQUESTS',
  unverified: 'BAD_REQUEST',
  link: 'BAD_REQUEST',
  deactivated: 'CONFLICT',
};

/** The Authentication Service's refusals, as the caller sees them. */
async function refusalsOf<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw new TRPCError({ code: codeOf[error.reason], message: error.message });
    throw error;
  }
}

const isStaff = (user: User) => user.roles.some((role) => (staffRoles as readonly string[]).includes(role));
/** Accounts of employees, suppliers and operators; a traveler's account is theirs to manage. */
const staffAccounts = { roles: { $in: [...staffRoles] } };

async function staffAccount(ctx: AdminContext, userId: string): Promise<User> {
  const user = await ctx.systemDb.findOne(User, userId);
  if (!user || !isStaff(user)) throw new TRPCError({ code: 'NOT_FOUND', message: 'That account does not exist.' });
  return user;
}

async function agencyNames(ctx: AdminContext, users: readonly User[]): Promise<Map<string, string>> {
  const ids = [...new Set(users.map((user) => user.agencyId).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const agencies = await ctx.operationalDb.find(Agency, { id: { $in: ids } }, { fields: ['id', 'displayName'] });
  return new Map(agencies.map((agency) => [agency.id, agency.displayName]));
}

const summaryOf = (user: User, status: AccountStatus, agencies: Map<string, string>): AccountSummary => ({
  id: user.id,
  name: user.name,
  email: user.email,
  roles: [...user.roles],
  agency: user.agencyId ? { id: user.agencyId, name: agencies.get(user.agencyId) ?? 'Unknown agency' } : null,
  status,
  lastSignInAt: user.lastSignInAt ?? null,
  createdAt: user.createdAt,
});

export async function listStaffUsers(ctx: AdminContext, input: ListUsersInput) {
  const locked = input.status === 'locked' || input.status === 'active' ? await ctx.accounts.lockedEmails() : [];
  const byStatus: Record<AccountStatus, Record<string, unknown>> = {
    deactivated: { deactivatedAt: { $ne: null } },
    invited: { deactivatedAt: null, passwordHash: null },
    locked: { deactivatedAt: null, passwordHash: { $ne: null }, email: { $in: locked } },
    active: { deactivatedAt: null, passwordHash: { $ne: null }, email: { $nin: locked } },
  };
  const pattern = input.search ? containing(input.search) : null;
  const where = {
    $and: [
      staffAccounts,
      ...(input.role ? [{ roles: input.role }] : []),
      ...(input.agencyId ? [{ agencyId: input.agencyId }] : []),
      ...(input.status ? [byStatus[input.status]] : []),
      ...(pattern ? [{ $or: [{ name: pattern }, { email: pattern }] }] : []),
    ],
  } as never;
  const [users, total] = await ctx.systemDb.findAndCount(User, where, {
    orderBy: { name: 'asc', email: 'asc' },
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const [statuses, agencies] = await Promise.all([ctx.accounts.statusesOf(users), agencyNames(ctx, users)]);
  return {
    users: users.map((user) => summaryOf(user, statuses.get(user.id)!, agencies)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function staffUserDetail(ctx: AdminContext, input: UserInput): Promise<AccountDetail> {
  const user = await staffAccount(ctx, input.userId);
  const [statuses, agencies, lockedUntil, activeAdmins] = await Promise.all([
    ctx.accounts.statusesOf([user]),
    agencyNames(ctx, [user]),
    ctx.accounts.lockedUntil(user),
    ctx.systemDb.count(User, { roles: 'admin', deactivatedAt: null } as never),
  ]);
  const status = statuses.get(user.id)!;
  const self = user.id === ctx.viewer!.userId;
  const activeAdmin = user.roles.includes('admin') && !user.deactivatedAt;
  const onlyAdmin = activeAdmin && activeAdmins <= 1;
  return {
    ...summaryOf(user, status, agencies),
    deactivatedAt: user.deactivatedAt ?? null,
    deactivationReason: user.deactivationReason ?? null,
    lockedUntil: status === 'locked' ? lockedUntil : null,
    actions: {
      removeAdmin: !activeAdmin
        ? unavailable('This account does not hold the admin role.')
        : self
          ? unavailable('You cannot take the admin role from yourself.')
          : onlyAdmin
            ? unavailable('This is the only admin: give another account the admin role first.')
            : allowed,
      deactivate: user.deactivatedAt
        ? unavailable('This account is already deactivated.')
        : self
          ? unavailable('You cannot deactivate your own account.')
          : onlyAdmin
            ? unavailable('This is the only admin: give another account the admin role first.')
            : allowed,
      reactivate: user.deactivatedAt ? allowed : unavailable('This account is not deactivated.'),
      unlock: status === 'locked' ? allowed : unavailable('This account is not locked.'),
      sendPasswordReset: user.deactivatedAt
        ? unavailable('This account is deactivated: reactivate it before sending a password link.')
        : allowed,
    },
  };
}

export async function createStaffUser(ctx: AdminContext, input: CreateUserInput) {
  if (input.agencyId && !(await ctx.operationalDb.count(Agency, { id: input.agencyId })))
    throw new TRPCError({ code: 'NOT_FOUND', message: 'That agency does not exist.' });
  // The account lives in the System DB; its entry is committed once the account is made, or not at all.
  return refusalsOf(() =>
    ctx.operationalDb.transactional(async (em) => {
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
    }),
  );
}

/** Records the entry for a change the Authentication Service makes; the entry is committed once the change is made. */
function audited<T>(
  ctx: AdminContext,
  action: AuditedAction,
  userId: string,
  change: () => Promise<{
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
    reason?: string;
    result: T;
  }>,
): Promise<T> {
  return refusalsOf(() =>
    ctx.operationalDb.transactional(async (em) => {
      const { before, after, reason, result } = await change();
      recordAudit(
        em,
        {
          actor: auditActorOf(ctx.viewer!),
          action,
          target: { type: 'account', id: userId },
          ...(before ? changedFields(before, after) : { before: null, after: auditValues(after) }),
          reason: reason ?? null,
        },
        ctx.now(),
      );
      return result;
    }),
  );
}

export async function setUserRoles(ctx: AdminContext, input: SetRolesInput) {
  if (input.userId === ctx.viewer!.userId && !input.roles.includes('admin'))
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot take the admin role from yourself.' });
  const user = await staffAccount(ctx, input.userId);
  if (input.roles.includes('supplier') && !user.agencyId)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'A supplier acts for one agency: invite suppliers from the Users page with their agency.',
    });
  return audited(ctx, 'account.setRoles', user.id, async () => {
    const changed = await ctx.accounts.changeRoles(user.id, input.roles, { userId: ctx.viewer!.userId });
    return {
      before: { roles: [...user.roles] },
      after: { roles: changed.roles },
      result: { id: changed.id, roles: changed.roles },
    };
  });
}

export async function deactivateStaffUser(ctx: AdminContext, input: DeactivateInput) {
  if (input.userId === ctx.viewer!.userId)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot deactivate your own account.' });
  const user = await staffAccount(ctx, input.userId);
  const [before] = (await ctx.accounts.statusesOf([user])).values();
  return audited(ctx, 'account.deactivate', user.id, async () => {
    await ctx.accounts.deactivate(user.id, input.reason, { userId: ctx.viewer!.userId });
    return {
      before: { status: before },
      after: { status: 'deactivated' },
      reason: input.reason,
      result: { id: user.id, status: 'deactivated' as const },
    };
  });
}

export async function reactivateStaffUser(ctx: AdminContext, input: ReactivateInput) {
  const user = await staffAccount(ctx, input.userId);
  return audited(ctx, 'account.reactivate', user.id, async () => {
    const after = await ctx.accounts.reactivate(user.id, { userId: ctx.viewer!.userId });
    const [status] = (await ctx.accounts.statusesOf([after])).values();
    return {
      before: { status: 'deactivated' },
      after: { status },
      reason: input.reason,
      result: { id: user.id, status: status! },
    };
  });
}

export async function unlockStaffUser(ctx: AdminContext, input: UserInput) {
  const user = await staffAccount(ctx, input.userId);
  return audited(ctx, 'account.unlock', user.id, async () => {
    const after = await ctx.accounts.unlock(user.id, { userId: ctx.viewer!.userId });
    const [status] = (await ctx.accounts.statusesOf([after])).values();
    return { before: { status: 'locked' }, after: { status }, result: { id: user.id, status: status! } };
  });
}

export async function sendPasswordReset(ctx: AdminContext, input: UserInput) {
  const user = await staffAccount(ctx, input.userId);
  return audited(ctx, 'account.sendPasswordReset', user.id, async () => {
    const { sent } = await ctx.accounts.sendPasswordLink(user.id, { userId: ctx.viewer!.userId });
    return { before: null, after: { sent, to: user.email }, result: { id: user.id, sent, to: user.email } };
  });
}
