import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email, User } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditEntryCount, auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

describe('admin users.create', () => {
  let world: TestStores;
  const lines: string[] = [];
  const log = createLogger({ service: 'test', level: 'info', write: (line) => lines.push(line) });
  const adminId = '5b0c7a52-8c1e-4d7a-9a55-0c2f0e6d1a01';
  const accounts = () => createAccounts({ system: world.stores.system, log, publicUrl: 'https://astro.example' });
  const asAdmin = () =>
    adminRouter.createCaller(
      createAdminContext({
        operational: world.stores.operational,
        system: world.stores.system,
        log,
        viewer: viewerAs('admin', { id: adminId }),
        accounts: accounts(),
      }),
    );

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('invites a supplier of an agency, who sets a password from the e-mailed link and signs in', async () => {
    const agency = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Red Frontier' });
    const created = await asAdmin().users.create({
      name: 'Iris Vega',
      email: 'Iris.Vega@RedFrontier.example',
      roles: ['supplier'],
      agencyId: agency.id,
    });
    expect(created).toMatchObject({ email: 'iris.vega@redfrontier.example', roles: ['supplier'], invited: true });

    const invitation = await world.stores.system.em
      .fork()
      .findOneOrFail(Email, { recipient: 'iris.vega@redfrontier.example', template: 'account-invitation' });
    const token = new URL(String(invitation.templateData['link'])).searchParams.get('invitation')!;
    await accounts().resetPassword(token, 'red-planet-2028');
    const user = await accounts().signIn({
      email: 'iris.vega@redfrontier.example',
      password: 'red-planet-2028',
      address: '::1',
    });
    expect(user).toMatchObject({ agencyId: agency.id, roles: ['supplier'] });
  });

  it('says what is wrong with an invitation it cannot send', async () => {
    await expect(
      asAdmin().users.create({ name: 'No Agency', email: 'no.agency@example.com', roles: ['supplier'] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Choose the agency this supplier acts for.'),
    });
    await expect(
      asAdmin().users.create({ name: 'Dup', email: 'IRIS.VEGA@redfrontier.example', roles: ['operator'] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'There is already an account for iris.vega@redfrontier.example.',
    });
  });

  it("changes an account's roles and logs who changed what", async () => {
    const operator = await world.stores.system.em.fork().findOneOrFail(User, { roles: 'operator' } as never);
    expect(await asAdmin().users.setRoles({ userId: operator.id, roles: ['operator', 'support'] })).toEqual({
      id: operator.id,
      roles: ['operator', 'support'],
    });
    const logged = lines.map((line) => JSON.parse(line) as { message: string; fields: Record<string, unknown> });
    expect(logged.find((line) => line.message === 'Roles changed')?.fields).toMatchObject({
      userId: operator.id,
      before: ['operator'],
      after: ['operator', 'support'],
      by: adminId,
    });
  });

  it('records each account created and each change of roles, and nothing for one it refuses', async () => {
    const { id } = await asAdmin().users.create({
      name: 'Ada Audit',
      email: 'ada.audit@astro.example',
      roles: ['support'],
    });
    await asAdmin().users.setRoles({ userId: id, roles: ['support', 'finance'] });
    const entries = await auditEntryCount(world.stores);
    await expect(
      asAdmin().users.create({ name: 'Ada Again', email: 'ADA.audit@astro.example', roles: ['support'] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(asAdmin().users.setRoles({ userId: adminId, roles: ['support'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await auditEntryCount(world.stores)).toBe(entries);
    const trail = await auditTrailOf(world.stores, 'account', id);
    expect(trail.find((entry) => entry.action === 'account.create')).toMatchObject({
      actorAccountId: adminId,
      before: null,
      after: { name: 'Ada Audit', email: 'ada.audit@astro.example', roles: ['support'], agencyId: null },
    });
    expect(trail.find((entry) => entry.action === 'account.setRoles')).toMatchObject({
      before: { roles: ['support'] },
      after: { roles: ['support', 'finance'] },
    });
    expect(trail).toHaveLength(2);
  });

  it('refuses to let an admin remove their own admin role', async () => {
    await expect(asAdmin().users.setRoles({ userId: adminId, roles: ['support'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'You cannot take the admin role from yourself.',
    });
  });
});
