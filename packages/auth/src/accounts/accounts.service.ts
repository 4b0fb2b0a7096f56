/**
 * Accounts of every role: customers register themselves; everybody else is created by an admin and sets a
 * password from an invitation. Sign-in applies the brute-force rules. Every event that matters for security
 * is logged (and so lands in the System DB's logs).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SystemEntityManager } from '@astro/db/system';
import {
  accountGuardCollection,
  AccountToken,
  Email,
  idFromKey,
  oidcRecordCollection,
  queueEmail,
  User,
  userCollection,
  WebSession,
  type AccountTokenPurpose,
  type SystemOrm,
  type UserRole,
} from '@astro/db/system';
import type { Logger } from '@astro/logging';
import { createLimits, waitInWords, type Limits } from '../limits/limits.ts';
import { appClientFor, sessionRoutes } from '../oidc/clients.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

export type AccountProblem =
  | 'invalid'
  | 'taken'
  | 'credentials'
  | 'locked'
  | 'throttled'
  | 'unverified'
  | 'link'
  | 'deactivated'
  | 'unknown'
  | 'refused'
  | 'busy';

export class AccountError extends Error {
  override name = 'AccountError';
  /** What kind of problem, for callers that react differently (e.g. offer to resend a link). */
  readonly reason: AccountProblem;
  /** For a refusal by a limit: how long until trying again can succeed. */
  readonly retryAfterSeconds: number | null;
  constructor(reason: AccountProblem, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface AccountDeps {
  system: SystemOrm;
  log: Logger;
  /** Where links in e-mails point, e.g. https://astro.example */
  publicUrl: string;
  now?: () => Date;
  /** The attempt counters; one set per Authentication Service. */
  limits?: Limits;
}

export const staffRoles = ['supplier', 'support', 'finance', 'admin', 'operator'] as const satisfies UserRole[];
export type StaffRole = (typeof staffRoles)[number];

/** Where an account stands (SPEC.md §8): deactivated by an admin, invited (no password yet), locked by the sign-in limit, or active. */
export const accountStatuses = ['active', 'locked', 'deactivated', 'invited'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const deactivatedMessage =
  'This account has been deactivated. If you need access again, ask an Astro Bookings administrator.';
export const lastAdminMessage =
  'At least one active admin must remain, and this would leave none. Give another account the admin role first.';

/** An account that holds the admin role and may use it: what the last-admin rule keeps at least one of. */
const isActiveAdmin = (user: { roles: readonly UserRole[]; deactivatedAt?: Date | null }) =>
  user.roles.includes('admin') && !user.deactivatedAt;

/** What an admin may change of an account through `changeAccount`. */
type AccountChange = Partial<Pick<User, 'roles' | 'deactivatedAt' | 'deactivationReason'>>;

const linkLifetimeMinutes: Record<AccountTokenPurpose, number> = {
  'verify-email': 3 * 24 * 60,
  'reset-password': 60,
};
const invitationLifetimeMinutes = 7 * 24 * 60;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

// Verifying against a throwaway hash when the account does not exist keeps both answers equally slow.
const absentAccountHash = hashPassword(randomBytes(16).toString('hex'));

export function createAccounts(deps: AccountDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log.child('auth');
  const em = (): SystemEntityManager => deps.system.em.fork();
  const limits = deps.limits ?? createLimits(deps.system);

  async function issueLink(
    db: SystemEntityManager,
    user: User,
    purpose: AccountTokenPurpose,
    lifetimeMinutes: number,
    template: string,
    linkOf: (token: string) => string = (token) =>
      `${deps.publicUrl}/auth/${purpose === 'verify-email' ? 'verify-email' : 'reset-password'}?token=${token}`,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const link = linkOf(token);
    const id = digest(token);
    db.create(AccountToken, {
      id,
      userId: user.id,
      purpose,
      expiresAt: new Date(now().getTime() + lifetimeMinutes * 60_000),
      usedAt: null,
    });
    const dedupeKey = `${template}:${user.email}:${id.slice(0, 16)}`;
    db.create(Email, {
      id: idFromKey(dedupeKey),
      dedupeKey,
      event: template,
      recipient: user.email,
      template,
      templateData: { name: user.name, link, expiresInMinutes: lifetimeMinutes },
      availableAt: now(),
      claimedBy: null,
      claimedUntil: null,
      smtpMessageId: null,
      lastError: null,
      sentAt: null,
    });
    await db.flush();
    return link;
  }

  /** An invitation opens the person's own app, whose sign-in asks them to choose a password and signs them in. */
  const invite = (db: SystemEntityManager, user: User) =>
    issueLink(
      db,
      user,
      'reset-password',
      invitationLifetimeMinutes,
      'account-invitation',
      (token) =>
        `${deps.publicUrl}${sessionRoutes(appClientFor(user.roles)).signIn}?${new URLSearchParams({ invitation: token })}`,
    );

  /**
   * Uses up a link's unused, unexpired token in one conditional update, so of any number of requests bringing it at
   * once exactly one gets its account; the same message for every way a link can be wrong.
   */
  async function redeem(db: SystemEntityManager, token: string, purpose: AccountTokenPurpose) {
    const id = digest(token);
    const record = await db.findOne(AccountToken, { id, purpose });
    const valid = record && !record.usedAt && record.expiresAt > now();
    const owner = valid ? await db.findOne(User, record.userId) : null;
    if (owner?.deactivatedAt) throw new AccountError('deactivated', deactivatedMessage);
    // Read first to say why; used up by the conditional update, which exactly one of any number at once wins.
    const used = owner
      ? await db.nativeUpdate(AccountToken, { id, purpose, usedAt: null, expiresAt: { $gt: now() } }, { usedAt: now() })
      : 0;
    const user = used === 1 ? owner : null;
    if (!user)
      throw new AccountError(
        'link',
        purpose === 'verify-email'
          ? 'This confirmation link has expired or was already used. Sign in to get a new one.'
          : 'This password link has expired or was already used. Ask for a new one.',
      );
    return user;
  }

  /** Tells the owner of an address that someone tried to register it again, at most once an hour. */
  async function tellOwnerOfRegistration(owner: User): Promise<void> {
    const hour = Math.floor(now().getTime() / 3_600_000);
    await queueEmail(
      em(),
      {
        dedupeKey: `registration-attempt:${owner.email}:${hour}`,
        event: 'registration-attempt',
        recipient: owner.email,
        template: 'registration-attempt',
        data: { name: owner.name, path: '/auth/forgot-password' },
      },
      now(),
    );
    log.info('Registration refused: the address has an account', { userId: owner.id });
  }

  const adminGuard = () => accountGuardCollection(em());
  const activeAdmins = 'active-admins';

  /**
   * Makes the guard's count when there is none yet: the active admins of now. Only a removal that has decremented it
   * can take an admin away, so none can be lost meanwhile; an admin added meanwhile may be missed (the insert wins
   * over nothing), which leaves the count lower than the truth, the safe side.
   */
  async function ensureAdminGuard(): Promise<void> {
    if (await adminGuard().countDocuments({ _id: activeAdmins })) return;
    const count = await em().count(User, { roles: 'admin', deactivatedAt: null } as never);
    await adminGuard().updateOne({ _id: activeAdmins }, { $setOnInsert: { count } }, { upsert: true });
  }

  /**
   * Applies an admin's change to an account, keeping at least one active admin under any number of parallel
   * changes: an admin is taken away only after one conditional decrement of the guard's count that leaves it at one
   * or more, and the account is changed only if it is still as read (else the decrement is given back and it is
   * read again). An admin added is counted after the change. So the count is never above the real number.
   */
  async function changeAccount(
    userId: string,
    next: (user: User) => AccountChange,
  ): Promise<{ before: User; after: User }> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const user = await em().findOne(User, userId);
      if (!user) throw new AccountError('unknown', 'That account does not exist.');
      const change = next(user);
      const removesAdmin = isActiveAdmin(user) && !isActiveAdmin({ ...user, ...change });
      const addsAdmin = !isActiveAdmin(user) && isActiveAdmin({ ...user, ...change });
      if (removesAdmin || addsAdmin) await ensureAdminGuard();
      if (removesAdmin) {
        const reserved = await adminGuard().updateOne(
          { _id: activeAdmins, count: { $gt: 1 } },
          { $inc: { count: -1 } },
        );
        if (reserved.modifiedCount !== 1) throw new AccountError('refused', lastAdminMessage);
      }
      const unchanged = { _id: user.id, roles: user.roles, deactivatedAt: user.deactivatedAt ?? null };
      const changed = await userCollection(em()).updateOne(unchanged, { $set: { ...change, updatedAt: now() } });
      if (changed.modifiedCount === 1) {
        if (addsAdmin) await adminGuard().updateOne({ _id: activeAdmins }, { $inc: { count: 1 } });
        return { before: user, after: await em().findOneOrFail(User, userId) };
      }
      if (removesAdmin) await adminGuard().updateOne({ _id: activeAdmins }, { $inc: { count: 1 } });
    }
    throw new AccountError('busy', 'This account is being changed by someone else right now. Try again.');
  }

  /** Ends everything the account is signed in with: the apps' sessions, and the authorization server's records. */
  async function endAccess(userId: string): Promise<void> {
    const db = em();
    // The grant goes first, so an app storing tokens of it meanwhile finds it gone (see `grantStands`).
    await oidcRecordCollection(db).deleteMany({ model: 'Grant', 'payload.accountId': userId });
    await oidcRecordCollection(db).deleteMany({ 'payload.accountId': userId });
    await db.nativeDelete(WebSession, { userId });
    await db.nativeDelete(AccountToken, { userId, usedAt: null });
  }

  return {
    /**
     * Registers a customer, or, when the address already has an account (of any role), e-mails its owner
     * instead: the caller answers the same either way, so registration cannot tell who has an account.
     * Returns the new account, or null for an address that had one.
     */
    async registerCustomer(input: { name: string; email: string; password: string }): Promise<User | null> {
      const problem = passwordProblem(input.password);
      if (problem) throw new AccountError('invalid', problem);
      const email = normaliseEmail(input.email);
      // Hashed before looking, so that both answers take as long.
      const passwordHash = await hashPassword(input.password);
      const db = em();
      const existing = await db.findOne(User, { email });
      if (existing) {
        await tellOwnerOfRegistration(existing);
        return null;
      }
      const user = db.create(User, {
        name: input.name.trim(),
        email,
        passwordHash,
        roles: ['customer'],
        agencyId: null,
        verified: false,
      });
      try {
        await db.flush();
      } catch (error) {
        // The same address registered at the same moment: the unique index kept the first.
        if ((error as { code?: number }).code !== 11000) throw error;
        await tellOwnerOfRegistration(await em().findOneOrFail(User, { email }));
        return null;
      }
      await issueLink(db, user, 'verify-email', linkLifetimeMinutes['verify-email'], 'verify-email');
      log.info('Customer registered', { userId: user.id });
      return user;
    },

    async resendVerification(email: string): Promise<void> {
      const db = em();
      const user = await db.findOne(User, { email: normaliseEmail(email) });
      if (!user || user.verified) return;
      await issueLink(db, user, 'verify-email', linkLifetimeMinutes['verify-email'], 'verify-email');
    },

    async verifyEmail(token: string): Promise<User> {
      const db = em();
      const user = await redeem(db, token, 'verify-email');
      user.verified = true;
      await db.flush();
      log.info('E-mail address verified', { userId: user.id });
      return user;
    },

    /** Sends a reset link when the account exists; says nothing either way, so e-mails cannot be probed. */
    async requestPasswordReset(email: string): Promise<void> {
      const db = em();
      const user = await db.findOne(User, { email: normaliseEmail(email) });
      if (!user) return;
      await issueLink(db, user, 'reset-password', linkLifetimeMinutes['reset-password'], 'reset-password');
      log.info('Password reset requested', { userId: user.id });
    },

    /** Sets a new password from a reset or invitation link; that also proves the e-mail and lifts a lockout. */
    async resetPassword(token: string, password: string): Promise<User> {
      const problem = passwordProblem(password);
      if (problem) throw new AccountError('invalid', problem);
      const db = em();
      const user = await redeem(db, token, 'reset-password');
      user.passwordHash = await hashPassword(password);
      user.verified = true;
      await db.flush();
      await limits.signInFailuresPerAccount.clear(user.email);
      log.info('Password set', { userId: user.id });
      return user;
    },

    /**
     * Every attempt is counted, for its address and for the account (known or not), before the password is
     * checked; a correct password gives back the one attempt it took, never the failures before it (so
     * signing in to an account of one's own between guesses buys no more guesses). So unknown and known
     * addresses answer alike, and parallel guesses cannot check more passwords than the limits allow.
     */
    async signIn(input: { email: string; password: string; address: string }): Promise<User> {
      const email = normaliseEmail(input.email);
      const { address } = input;
      const user = await em().findOne(User, { email });
      const userId = user?.id ?? null;
      const byAddress = await limits.signInFailuresPerAddress.attempt(address);
      if (!byAddress.allowed) {
        log.warn('Sign-in refused: too many failures from one address', { address });
        throw new AccountError(
          'throttled',
          `Too many failed sign-ins from your network. Try again in ${waitInWords(byAddress.retryAfterSeconds)}.`,
          byAddress.retryAfterSeconds,
        );
      }
      const byAccount = await limits.signInFailuresPerAccount.attempt(email);
      if (!byAccount.allowed) {
        log.warn('Sign-in refused: account locked', { userId, address });
        throw new AccountError(
          'locked',
          `This account is locked after too many failed sign-ins. Try again in ${waitInWords(byAccount.retryAfterSeconds)}, or reset your password.`,
          byAccount.retryAfterSeconds,
        );
      }
      const matches = await verifyPassword(input.password, user?.passwordHash ?? (await absentAccountHash));
      if (!user?.passwordHash || !matches) {
        log.warn('Sign-in failed', { reason: user ? 'wrong password' : 'unknown account', userId, address });
        if (byAccount.remaining > 0)
          throw new AccountError('credentials', 'That e-mail and password do not match an account.');
        const lockSeconds = await limits.signInFailuresPerAccount.lock(email);
        log.warn('Account locked', { userId, address });
        throw new AccountError(
          'locked',
          `This account is now locked for ${waitInWords(lockSeconds)} after too many failed sign-ins. You can reset your password.`,
          lockSeconds,
        );
      }
      await Promise.all([
        limits.signInFailuresPerAccount.clear(email),
        limits.signInFailuresPerAddress.refund(address),
      ]);
      // Told only to whoever knows the password, so that deactivation cannot be probed.
      if (user.deactivatedAt) {
        log.warn('Sign-in refused: account deactivated', { userId: user.id, address });
        throw new AccountError('deactivated', deactivatedMessage);
      }
      if (!user.verified) {
        throw new AccountError(
          'unverified',
          'Confirm your e-mail address first: open the link we sent you. We can send it again.',
        );
      }
      user.lastSignInAt = now();
      await em().nativeUpdate(User, { id: user.id }, { lastSignInAt: user.lastSignInAt });
      log.info('Signed in', { userId: user.id, address });
      return user;
    },

    /** An admin creates a supplier, employee or operator account; its owner sets a password from the e-mailed invitation. */
    async createStaffAccount(
      input: { name: string; email: string; roles: StaffRole[]; agencyId?: string | null; password?: string },
      actor: { userId: string | null },
    ): Promise<{ user: User; invitationLink: string | null }> {
      const agencyId = input.roles.includes('supplier') ? (input.agencyId ?? null) : null;
      if (input.roles.includes('supplier') && !agencyId)
        throw new AccountError('invalid', 'A supplier account needs the agency it acts for.');
      if (input.password) {
        const problem = passwordProblem(input.password);
        if (problem) throw new AccountError('invalid', problem);
      }
      const db = em();
      const email = normaliseEmail(input.email);
      if (await db.count(User, { email })) throw new AccountError('taken', `There is already an account for ${email}.`);
      const admin = input.roles.includes('admin');
      if (admin) await ensureAdminGuard();
      const user = db.create(User, {
        name: input.name.trim(),
        email,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        roles: [...new Set(input.roles)],
        agencyId,
        verified: Boolean(input.password),
      });
      const invitationLink = input.password ? (await db.flush(), null) : await invite(db, user);
      if (admin) await adminGuard().updateOne({ _id: activeAdmins }, { $inc: { count: 1 } });
      log.info('Account created', { userId: user.id, roles: user.roles, agencyId, by: actor.userId });
      return { user, invitationLink };
    },

    async changeRoles(userId: string, roles: UserRole[], actor: { userId: string | null }): Promise<User> {
      const { before, after } = await changeAccount(userId, () => ({ roles: [...new Set(roles)] }));
      log.info('Roles changed', { userId, before: before.roles, after: after.roles, by: actor.userId });
      return after;
    },

    /** Where each account stands; one look at the sign-in limit for all of them. */
    async statusesOf(users: readonly User[]): Promise<Map<string, AccountStatus>> {
      const locked = new Set(await limits.signInFailuresPerAccount.lockedKeys());
      return new Map(users.map((user) => [user.id, statusOf(user, locked.has(user.email))]));
    },

    /** Until when the sign-in limit refuses the account, or null when it does not. */
    lockedUntil(user: User): Promise<Date | null> {
      return limits.signInFailuresPerAccount.lockedUntil(user.email);
    },

    /** The addresses the sign-in limit refuses now, for finding the locked accounts. */
    lockedEmails(): Promise<string[]> {
      return limits.signInFailuresPerAccount.lockedKeys();
    },

    /**
     * Stops the account from signing in and ends, at once, every session, grant and token it holds. The apps look
     * the account up on each request too, so a session stored in a race with this ends at its next request.
     */
    async deactivate(userId: string, reason: string, actor: { userId: string | null }): Promise<User> {
      const { after } = await changeAccount(userId, (user) => {
        if (user.deactivatedAt) throw new AccountError('refused', 'This account is already deactivated.');
        return { deactivatedAt: now(), deactivationReason: reason };
      });
      await endAccess(userId);
      log.info('Account deactivated', { userId, by: actor.userId });
      return after;
    },

    /** Lets a deactivated account sign in again, with the password it had (or a fresh link, see `sendPasswordLink`). */
    async reactivate(userId: string, actor: { userId: string | null }): Promise<User> {
      const { after } = await changeAccount(userId, (user) => {
        if (!user.deactivatedAt) throw new AccountError('refused', 'This account is not deactivated.');
        return { deactivatedAt: null, deactivationReason: null };
      });
      await limits.signInFailuresPerAccount.clear(after.email);
      log.info('Account reactivated', { userId, by: actor.userId });
      return after;
    },

    /** Lifts the sign-in limit's lock, so the owner may try their password again at once. */
    async unlock(userId: string, actor: { userId: string | null }): Promise<User> {
      const user = await em().findOne(User, userId);
      if (!user) throw new AccountError('unknown', 'That account does not exist.');
      if (!(await limits.signInFailuresPerAccount.lockedUntil(user.email)))
        throw new AccountError('refused', 'This account is not locked.');
      await limits.signInFailuresPerAccount.clear(user.email);
      log.info('Account unlocked', { userId, by: actor.userId });
      return user;
    },

    /**
     * E-mails the owner a link to set a password: a new invitation while none was ever set, a reset link otherwise.
     * Returns which one was sent.
     */
    async sendPasswordLink(
      userId: string,
      actor: { userId: string | null },
    ): Promise<{ user: User; sent: 'invitation' | 'reset' }> {
      const db = em();
      const user = await db.findOne(User, userId);
      if (!user) throw new AccountError('unknown', 'That account does not exist.');
      if (user.deactivatedAt)
        throw new AccountError('refused', 'This account is deactivated: reactivate it before sending a password link.');
      const sent = user.passwordHash ? 'reset' : 'invitation';
      if (sent === 'reset')
        await issueLink(db, user, 'reset-password', linkLifetimeMinutes['reset-password'], 'reset-password');
      else await invite(db, user);
      log.info('Password link sent', { userId, sent, by: actor.userId });
      return { user, sent };
    },

    /** The first admin comes from configuration, once: only while no admin exists. */
    async ensureFirstAdmin(admin: { email: string; password: string; name: string } | null): Promise<User | null> {
      if (!admin) return null;
      const db = em();
      const admins = await db.count(User, { roles: 'admin' } as never);
      if (admins > 0) return null;
      const { user } = await this.createStaffAccount({ ...admin, roles: ['admin'] }, { userId: null });
      return user;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;

function statusOf(user: User, locked: boolean): AccountStatus {
  if (user.deactivatedAt) return 'deactivated';
  if (!user.passwordHash) return 'invited';
  return locked ? 'locked' : 'active';
}
