/** An admin's work on accounts: status, deactivation, unlocking, password links and the last-admin rule. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccounts, deactivatedMessage, lastAdminMessage } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { demoEmployees, seedDemoWorld } from '@astro/db/seed';
import { Email, OidcRecord, User, WebSession } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import type { Viewer } from '../../access.ts';
import { auditEntryCount, auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

const password = 'orbit-2027-go';
const address = '203.0.113.9';

describe('admin users: status, deactivation and the last admin', () => {
  let world: TestStores;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const accounts = () => createAccounts({ system: world.stores.system, log, publicUrl: 'https://astro.example' });
  const viewerOf = (user: User): Viewer => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    agencyId: user.agencyId ?? null,
  });
  const as = (user: User) =>
    adminRouter.createCaller(
      createAdminContext({
        operational: world.stores.operational,
        system: world.stores.system,
        log,
        viewer: viewerOf(user),
        accounts: accounts(),
      }),
    );
  const system = () => world.stores.system.em.fork();
  const userBy = (email: string) => system().findOneOrFail(User, { email });
  let ada: User;
  let unique = 0;

  /** A staff account that has set its password. */
  const person = async (roles: ('admin' | 'support' | 'supplier' | 'operator')[], agencyId?: string) => {
    const { user } = await accounts().createStaffAccount(
      { name: `Person ${++unique}`, email: `person.${unique}@astro.example`, roles, agencyId, password },
      { userId: null },
    );
    return user;
  };
  const activeAdmins = () => system().count(User, { roles: 'admin', deactivatedAt: null } as never);
  const signIn = (email: string) => accounts().signIn({ email, password, address });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date(), { passwordHash: null });
    ada = await userBy(demoEmployees.find((each) => each.role === 'admin')!.email);
  });
  afterAll(() => world.drop());

  it('lists every non-customer account with its status, agency and last sign-in, searched, filtered and paged', async () => {
    const agency = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Red Frontier' });
    const active = await person(['support']);
    const supplier = await person(['supplier'], agency.id);
    const locked = await person(['operator']);
    const gone = await person(['support']);
    const { id: invitedId } = await as(ada).users.create({
      name: 'Ivo Invited',
      email: 'ivo.invited@astro.example',
      roles: ['finance'],
    });
    await signIn(active.email);
    for (let tries = 0; tries < 5; tries++)
      await accounts()
        .signIn({ email: locked.email, password: 'wrong-password-1', address })
        .catch(() => {});
    await as(ada).users.deactivate({ userId: gone.id, reason: 'Left the company' });

    const statusOf = async (id: string) => (await as(ada).users.detail({ userId: id })).status;
    expect({
      active: await statusOf(active.id),
      locked: await statusOf(locked.id),
      deactivated: await statusOf(gone.id),
      invited: await statusOf(invitedId),
    }).toEqual({ active: 'active', locked: 'locked', deactivated: 'deactivated', invited: 'invited' });

    const everyone = await as(ada).users.list({ pageSize: 100 });
    expect(everyone.users.some((user) => user.roles.includes('customer'))).toBe(false);
    expect(everyone.users.find((user) => user.id === active.id)).toMatchObject({
      status: 'active',
      lastSignInAt: expect.any(Date),
    });
    expect(everyone.users.find((user) => user.id === supplier.id)).toMatchObject({
      agency: { id: agency.id, name: 'Red Frontier' },
      lastSignInAt: null,
    });

    const ids = async (filter: Parameters<ReturnType<typeof as>['users']['list']>[0]) =>
      (await as(ada).users.list({ pageSize: 100, ...filter })).users.map((user) => user.id);
    expect(await ids({ status: 'locked' })).toEqual([locked.id]);
    expect(await ids({ status: 'deactivated' })).toEqual([gone.id]);
    expect(await ids({ status: 'invited' })).toContain(invitedId);
    expect(await ids({ status: 'active' })).toEqual(expect.arrayContaining([active.id, supplier.id]));
    expect(await ids({ status: 'active' })).not.toContain(locked.id);
    expect(await ids({ agencyId: agency.id, role: 'supplier' })).toContain(supplier.id);
    expect(await ids({ search: 'IVO.INV' })).toEqual([invitedId]);
    expect(await ids({ search: 'ivo invited' })).toEqual([invitedId]);
    expect(await ids({ search: '.*' })).toEqual([]);

    const first = await as(ada).users.list({ pageSize: 2, page: 1 });
    const second = await as(ada).users.list({ pageSize: 2, page: 2 });
    expect(first.total).toBe(everyone.total);
    expect(first.users).toHaveLength(2);
    expect(second.users.map((user) => user.id)).not.toContain(first.users[0]!.id);
  });

  it('refuses a deactivated account sign-in with a clear message, ends what it held at once, and reactivating restores it', async () => {
    const support = await person(['support']);
    await signIn(support.email);
    const db = system();
    db.create(WebSession, {
      id: `session-of-${support.id}`,
      app: 'admin',
      userId: support.id,
      idToken: 'id',
      accessToken: 'access',
      accessExpiresAt: new Date(Date.now() + 600_000),
      refreshToken: 'refresh',
      refreshingUntil: null,
      expiresAt: new Date(Date.now() + 600_000),
    });
    for (const model of ['Session', 'Grant', 'RefreshToken'])
      db.create(OidcRecord, {
        id: `${model}:${support.id}`,
        model,
        payload: { accountId: support.id },
        grantId: null,
        uid: null,
        userCode: null,
        expiresAt: null,
        consumedAt: null,
      });
    await db.flush();

    expect(await as(ada).users.deactivate({ userId: support.id, reason: 'Contract ended' })).toEqual({
      id: support.id,
      status: 'deactivated',
    });
    expect(await system().count(WebSession, { userId: support.id })).toBe(0);
    const records = ['Session', 'Grant', 'RefreshToken'].map((model) => `${model}:${support.id}`);
    expect(await system().count(OidcRecord, { id: { $in: records } })).toBe(0);
    await expect(signIn(support.email)).rejects.toMatchObject({ reason: 'deactivated', message: deactivatedMessage });
    await expect(as(ada).users.deactivate({ userId: support.id, reason: 'Again' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This account is already deactivated.',
    });

    await as(ada).users.reactivate({ userId: support.id, reason: 'Contract renewed' });
    await expect(signIn(support.email)).resolves.toMatchObject({ id: support.id });
    const trail = await auditTrailOf(world.stores, 'account', support.id);
    expect(trail.map(({ action, before, after, reason }) => ({ action, before, after, reason }))).toEqual([
      {
        action: 'account.deactivate',
        before: { status: 'active' },
        after: { status: 'deactivated' },
        reason: 'Contract ended',
      },
      {
        action: 'account.reactivate',
        before: { status: 'deactivated' },
        after: { status: 'active' },
        reason: 'Contract renewed',
      },
    ]);
  });

  it('refuses an admin deactivating their own account or a customer account, or making a supplier of no agency, and writes nothing', async () => {
    const entries = await auditEntryCount(world.stores);
    await expect(as(ada).users.deactivate({ userId: ada.id, reason: 'Testing' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'You cannot deactivate your own account.',
    });
    const support = await person(['support']);
    await expect(as(ada).users.setRoles({ userId: support.id, roles: ['supplier'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A supplier acts for one agency: invite suppliers from the Users page with their agency.',
    });
    const customer = await system().findOneOrFail(User, { roles: 'customer' } as never);
    await expect(as(ada).users.deactivate({ userId: customer.id, reason: 'Testing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await as(ada).users.detail({ userId: ada.id })).actions.deactivate).toEqual({
      allowed: false,
      reason: 'You cannot deactivate your own account.',
    });
    expect(await auditEntryCount(world.stores)).toBe(entries);
  });

  it('unlocks a locked account, which can then sign in at once', async () => {
    const locked = await person(['operator']);
    for (let tries = 0; tries < 5; tries++)
      await accounts()
        .signIn({ email: locked.email, password: 'wrong-password-1', address })
        .catch(() => {});
    await expect(signIn(locked.email)).rejects.toMatchObject({ reason: 'locked' });
    expect((await as(ada).users.detail({ userId: locked.id })).lockedUntil).toEqual(expect.any(Date));

    expect(await as(ada).users.unlock({ userId: locked.id })).toEqual({ id: locked.id, status: 'active' });
    await expect(signIn(locked.email)).resolves.toMatchObject({ id: locked.id });
    await expect(as(ada).users.unlock({ userId: locked.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This account is not locked.',
    });
    const [entry] = await auditTrailOf(world.stores, 'account', locked.id);
    expect(entry).toMatchObject({
      action: 'account.unlock',
      before: { status: 'locked' },
      after: { status: 'active' },
    });
  });

  it('queues a reset e-mail for an account with a password and a new invitation for one without', async () => {
    const operator = await person(['operator']);
    expect(await as(ada).users.sendPasswordReset({ userId: operator.id })).toEqual({
      id: operator.id,
      sent: 'reset',
      to: operator.email,
    });
    const [reset] = await system().find(Email, { recipient: operator.email, template: 'reset-password' });
    expect(String(reset!.templateData['link'])).toMatch(/^https:\/\/astro\.example\/auth\/reset-password\?token=/);

    const { id } = await as(ada).users.create({ name: 'Nia New', email: 'nia.new@astro.example', roles: ['support'] });
    expect(await as(ada).users.sendPasswordReset({ userId: id })).toMatchObject({ sent: 'invitation' });
    expect(await system().count(Email, { recipient: 'nia.new@astro.example', template: 'account-invitation' })).toBe(2);
    const [entry] = await auditTrailOf(world.stores, 'account', operator.id);
    expect(entry).toMatchObject({
      action: 'account.sendPasswordReset',
      before: null,
      after: { sent: 'reset', to: operator.email },
    });
  });

  describe('the last admin', () => {
    beforeEach(async () => {
      // Every admin but Ada gives up the role, so each test starts from one admin.
      for (const admin of await system().find(User, { roles: 'admin', deactivatedAt: null } as never))
        if (admin.id !== ada.id) await as(ada).users.setRoles({ userId: admin.id, roles: ['support'] });
    });

    it('cannot be demoted or deactivated, whoever asks, and the account page says why', async () => {
      // An admin's request that still carries the role it has just lost elsewhere, say.
      const stale = viewerAs('admin', { id: crypto.randomUUID() });
      const asStale = adminRouter.createCaller(
        createAdminContext({
          operational: world.stores.operational,
          system: world.stores.system,
          log,
          viewer: stale,
          accounts: accounts(),
        }),
      );
      const entries = await auditEntryCount(world.stores);
      await expect(asStale.users.setRoles({ userId: ada.id, roles: ['support'] })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: lastAdminMessage,
      });
      await expect(asStale.users.deactivate({ userId: ada.id, reason: 'Testing' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: lastAdminMessage,
      });
      expect(await auditEntryCount(world.stores)).toBe(entries);
      expect(await activeAdmins()).toBe(1);
      expect((await asStale.users.detail({ userId: ada.id })).actions).toMatchObject({
        removeAdmin: { allowed: false, reason: 'This is the only admin: give another account the admin role first.' },
        deactivate: { allowed: false, reason: 'This is the only admin: give another account the admin role first.' },
      });

      // With a second admin, either may be demoted (by the other).
      const other = await person(['admin']);
      expect((await as(other).users.detail({ userId: ada.id })).actions.removeAdmin).toEqual({ allowed: true });
      await as(other).users.setRoles({ userId: ada.id, roles: ['support'] });
      await expect(asStale.users.deactivate({ userId: other.id, reason: 'Testing' })).rejects.toMatchObject({
        message: lastAdminMessage,
      });
      await as(other).users.setRoles({ userId: ada.id, roles: ['admin'] });
      await as(ada).users.deactivate({ userId: other.id, reason: 'Moved on' });
      expect(await activeAdmins()).toBe(1);
    });

    it('holds when two admins demote each other at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const other = await person(['admin']);
        const outcomes = await Promise.allSettled([
          as(ada).users.setRoles({ userId: other.id, roles: ['support'] }),
          as(other).users.setRoles({ userId: ada.id, roles: ['support'] }),
        ]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
          reason: { code: 'CONFLICT', message: lastAdminMessage },
        });
        expect(await activeAdmins()).toBe(1);
        // Ada is the admin again for the next round.
        const [remaining] = await system().find(User, { roles: 'admin', deactivatedAt: null } as never);
        if (remaining!.id !== ada.id) {
          await as(remaining!).users.setRoles({ userId: ada.id, roles: ['admin'] });
          await as(ada).users.setRoles({ userId: remaining!.id, roles: ['support'] });
        }
      }
    });

    it('holds under 50 parallel demotions and deactivations of five admins', async () => {
      const admins = [ada, ...(await Promise.all([1, 2, 3, 4].map(() => person(['admin']))))];
      const entries = await auditEntryCount(world.stores);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) => {
          const actor = admins[index % 5]!;
          const target = admins[(index + 1 + (index % 3)) % 5]!;
          return index % 2
            ? as(actor).users.setRoles({ userId: target.id, roles: ['support'] })
            : as(actor).users.deactivate({ userId: target.id, reason: `Parallel ${index}` });
        }),
      );
      expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
      for (const outcome of outcomes)
        if (outcome.status === 'rejected')
          expect(['CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED']).toContain((outcome.reason as { code: string }).code);
      // Every change that went through has its entry, and no refused one does.
      const changed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
      expect(await auditEntryCount(world.stores)).toBe(entries + changed);
    });
  });
});
