/**
 * Accounts of every role: customers register themselves; everybody else is created by an admin and sets a
 * password from an invitation. Sign-in applies the brute-force rules. Every event that matters for security
 * is logged (and so lands in the System DB's logs).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SystemEntityManager } from '@astro/db/system';
import {
  AccountToken,
  Email,
  idFromKey,
  queueEmail,
  User,
  type AccountTokenPurpose,
  type SystemOrm,
  type UserRole,
} from '@astro/db/system';
import type { Logger } from '@astro/logging';
import { createLimits, waitInWords, type Limits } from '../limits/limits.ts';
import { appClientFor, sessionRoutes } from '../oidc/clients.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

export type AccountProblem = 'invalid' | 'taken' | 'credentials' | 'locked' | 'throttled' | 'unverified' | 'link';

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

  /**
   * Uses up a link's unused, unexpired token in one conditional update, so of any number of requests bringing it at
   * once exactly one gets its account; the same message for every way a link can be wrong.
   */
  async function redeem(db: SystemEntityManager, token: string, purpose: AccountTokenPurpose) {
    const id = digest(token);
    const used = await db.nativeUpdate(
      AccountToken,
      { id, purpose, usedAt: null, expiresAt: { $gt: now() } },
      { usedAt: now() },
    );
    const record = used === 1 ? await db.findOne(AccountToken, id) : null;
    const user = record ? await db.findOne(User, record.userId) : null;
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
      if (!user.verified) {
        throw new AccountError(
          'unverified',
          'Confirm your e-mail address first: open the link we sent you. We can send it again.',
        );
      }
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
      const user = db.create(User, {
        name: input.name.trim(),
        email,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        roles: [...new Set(input.roles)],
        agencyId,
        verified: Boolean(input.password),
      });
      const invitationLink = input.password
        ? (await db.flush(), null)
        : await issueLink(
            db,
            user,
            'reset-password',
            invitationLifetimeMinutes,
            'account-invitation',
            // The invitation opens the person's own app, whose sign-in asks them to choose a password and signs them in.
            (token) =>
              `${deps.publicUrl}${sessionRoutes(appClientFor(user.roles)).signIn}?${new URLSearchParams({ invitation: token })}`,
          );
      log.info('Account created', { userId: user.id, roles: user.roles, agencyId, by: actor.userId });
      return { user, invitationLink };
    },

    async changeRoles(userId: string, roles: UserRole[], actor: { userId: string | null }): Promise<User> {
      const db = em();
      const user = await db.findOneOrFail(User, userId);
      const before = user.roles;
      user.roles = [...new Set(roles)];
      await db.flush();
      log.info('Roles changed', { userId, before, after: user.roles, by: actor.userId });
      return user;
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
