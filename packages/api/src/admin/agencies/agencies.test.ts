import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency, Launch, SyncOutboxMessage } from '@astro/db/operational';
import { bookableStatuses } from '@astro/domain';
import { createLogger } from '@astro/logging';
import { demoAgencies, seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditEntryCount, auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { fieldsRefused } from '../../refusals.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

describe('admin agencies.list', () => {
  let test: TestStores;
  const now = new Date('2026-11-25T12:00:00Z');
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });

  beforeAll(async () => {
    test = await openTestStores();
    await seedDemoWorld(test.stores, now);
  });
  afterAll(() => test.drop());

  it('lists every agency by name with its status, active rockets and upcoming launches', async () => {
    const caller = adminRouter.createCaller(
      createAdminContext({
        operational: test.stores.operational,
        system: test.stores.system,
        log,
        now: () => now,
        viewer: viewerAs('support'),
        accounts: createAccounts({ system: test.stores.system, log, publicUrl: 'http://localhost' }),
      }),
    );
    const { agencies } = await caller.agencies.list();
    expect(agencies.map((agency) => agency.displayName)).toEqual(
      demoAgencies.map((agency) => agency.displayName).sort((a, b) => a.localeCompare(b)),
    );
    const orbital = agencies.find((agency) => agency.displayName === 'Orbital Horizons')!;
    expect(orbital).toMatchObject({ status: 'active', rockets: 2 });
    expect(orbital.upcomingLaunches).toBeGreaterThan(0);
    expect(agencies.find((agency) => agency.displayName === 'Pioneer Rocketworks')).toMatchObject({
      status: 'suspended',
      upcomingLaunches: 0,
    });
  });
});

describe('admin agencies.updateLegal', () => {
  let world: TestStores;
  let agency: Agency;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const base = () => ({ system: world.stores.system, operational: world.stores.operational, log });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    agency = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Orbital Horizons' });
  });
  afterAll(() => world.drop());

  it('lets an admin correct the legal data, keeping tax ids unique', async () => {
    const admin = adminRouter.createCaller(
      createAdminContext({
        ...base(),
        viewer: viewerAs('admin'),
        accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
      }),
    );
    const legal = {
      legalName: 'Orbital Horizons Holdings Inc.',
      taxId: 'US-00-1234567',
      legalAddress: '1 Launch Way, Florida',
    };
    expect(await admin.agencies.updateLegal({ agencyId: agency.id, ...legal })).toEqual({ id: agency.id, ...legal });
    const other = await world.stores.operational.em.fork().findOneOrFail(Agency, { id: { $ne: agency.id } });
    await expect(
      admin.agencies.updateLegal({ agencyId: other.id, ...legal, legalName: other.legalName }),
    ).rejects.toMatchObject({
      message: 'Another agency already has this tax id.',
    });
  });

  it('records the legal fields an admin changed, before and after, and nothing for a change it refuses', async () => {
    const admin = adminRouter.createCaller(
      createAdminContext({
        ...base(),
        viewer: viewerAs('admin', { id: 'audited-admin' }),
        accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
      }),
    );
    const red = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Red Frontier' });
    const legal = { legalName: red.legalName, taxId: red.taxId, legalAddress: '4 Olympus Road, Tharsis' };
    await admin.agencies.updateLegal({ agencyId: red.id, ...legal });
    await expect(
      admin.agencies.updateLegal({ agencyId: red.id, ...legal, taxId: 'US-00-1234567' }),
    ).rejects.toMatchObject({ message: 'Another agency already has this tax id.' });
    expect(await auditTrailOf(world.stores, 'agency', red.id)).toEqual([
      expect.objectContaining({
        actorAccountId: 'audited-admin',
        actorEmail: 'admin@example.com',
        actorRole: 'admin',
        action: 'agency.updateLegal',
        before: { legalAddress: red.legalAddress },
        after: { legalAddress: '4 Olympus Road, Tharsis' },
        reason: null,
      }),
    ]);
  });
});

describe('admin agencies.onboard, detail, suspend and reactivate', () => {
  let world: TestStores;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const as = (role: 'admin' | 'support') =>
    adminRouter.createCaller(
      createAdminContext({
        system: world.stores.system,
        operational: world.stores.operational,
        log,
        viewer: viewerAs(role, { id: `${role}-account` }),
        accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
      }),
    );
  const agency = {
    displayName: 'Lyra Orbital',
    legalName: 'Lyra Orbital Pte. Ltd.',
    taxId: 'sg-201912345k',
    legalAddress: '1 Changi Spaceport Road, Singapore 499999',
    contactEmail: 'Flights@Lyra-Orbital.example',
    description: 'Equatorial orbits from Singapore.',
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('says what to fix, field by field, and onboards nothing', async () => {
    const before = await auditEntryCount(world.stores);
    const refusal = await as('admin')
      .agencies.onboard({
        displayName: ' ',
        legalName: '',
        taxId: 'US#1',
        legalAddress: 'x',
        contactEmail: 'not an address',
        description: '',
      })
      .catch(fieldsRefused);
    expect(refusal).toEqual({
      displayName: 'Enter the name travelers see on its launches.',
      legalName: 'Enter the legal name, as registered.',
      taxId: 'Use letters, digits, spaces, dots, dashes or slashes, like US-84-2039117.',
      legalAddress: 'Enter the full legal address.',
      contactEmail: 'Enter an e-mail address like bookings@agency.example.',
      description: 'Describe the agency in a sentence or two: travelers read it.',
    });
    expect(await auditEntryCount(world.stores)).toBe(before);
  });

  it('onboards an agency, active, records it, and refuses a second one with the same tax id at that field', async () => {
    const { id } = await as('admin').agencies.onboard(agency);
    const detail = await as('support').agencies.detail({ agencyId: id });
    expect(detail).toMatchObject({
      displayName: 'Lyra Orbital',
      taxId: 'SG-201912345K',
      contactEmail: 'flights@lyra-orbital.example',
      status: 'active',
      statusHistory: [],
      suppliers: [],
      counts: { rockets: 0, launches: 0, upcomingLaunches: 0, confirmedBookings: 0 },
      auditHistory: { allowed: false, reason: 'Your role sees the history of bookings only.' },
    });
    expect((await as('admin').agencies.detail({ agencyId: id })).auditHistory).toEqual({ allowed: true });
    expect(await auditTrailOf(world.stores, 'agency', id)).toEqual([
      expect.objectContaining({
        action: 'agency.onboard',
        actorAccountId: 'admin-account',
        before: null,
        after: expect.objectContaining({
          legalName: 'Lyra Orbital Pte. Ltd.',
          taxId: 'SG-201912345K',
          status: 'active',
        }),
      }),
    ]);
    // The same tax id written in lower case is the same tax id.
    const before = await auditEntryCount(world.stores);
    const duplicate = await as('admin')
      .agencies.onboard({ ...agency, displayName: 'Lyra Again', taxId: 'SG-201912345k' })
      .catch(fieldsRefused);
    expect(duplicate).toEqual({
      taxId: 'Another agency already has this tax id.',
    });
    expect(await auditEntryCount(world.stores)).toBe(before);
  });

  it('answers "not found" for an agency that does not exist', async () => {
    await expect(as('support').agencies.detail({ agencyId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'That agency does not exist.',
    });
    await expect(
      as('admin').agencies.suspend({ agencyId: crypto.randomUUID(), reason: 'No such agency' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('needs a reason to suspend', async () => {
    const orbital = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Orbital Horizons' });
    const refusal = await as('admin').agencies.suspend({ agencyId: orbital.id, reason: '  ' }).catch(fieldsRefused);
    expect(refusal).toEqual({ reason: 'Give the reason in a few words: it stays on the agency’s history.' });
  });

  it('suspends once when asked 50 times at once: one change, one entry, one announcement per launch on sale', async () => {
    const selene = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Selene Launch Co.' });
    const onSale = await world.stores.operational.em
      .fork()
      .find(Launch, { agency: selene.id, status: { $in: [...bookableStatuses] } });
    expect(onSale.length).toBeGreaterThan(0);
    const versions = new Map(onSale.map((launch) => [launch.id, launch.version]));
    const outboxBefore = await world.stores.operational.em.fork().count(SyncOutboxMessage, {});

    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        as('admin').agencies.suspend({ agencyId: selene.id, reason: 'Unpaid invoices past 60 days' }),
      ),
    );
    expect(answers.filter((answer) => answer.changed)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set(['suspended']));

    const trail = await auditTrailOf(world.stores, 'agency', selene.id);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'agency.suspend',
        before: { status: 'active' },
        after: { status: 'suspended' },
        reason: 'Unpaid invoices past 60 days',
      }),
    ]);
    const announced = await world.stores.operational.em
      .fork()
      .find(SyncOutboxMessage, { entityId: { $in: [...versions.keys()] } }, { orderBy: { createdAt: 'asc' } });
    const fresh = announced.filter((message) => message.entityVersion > versions.get(message.entityId)!);
    expect(fresh).toHaveLength(onSale.length);
    expect(fresh.every((message) => message.payload['salesPaused'] === true)).toBe(true);
    expect(await world.stores.operational.em.fork().count(SyncOutboxMessage, {})).toBe(outboxBefore + onSale.length);

    const detail = await as('support').agencies.detail({ agencyId: selene.id });
    expect(detail.status).toBe('suspended');
    expect(detail.statusHistory).toEqual([
      expect.objectContaining({ status: 'suspended', reason: 'Unpaid invoices past 60 days', by: 'admin@example.com' }),
    ]);
  });

  it('reactivates with a reason, shown in the history after the suspension', async () => {
    const selene = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Selene Launch Co.' });
    expect(await as('admin').agencies.reactivate({ agencyId: selene.id, reason: 'Invoices settled' })).toEqual({
      id: selene.id,
      status: 'active',
      changed: true,
    });
    const detail = await as('support').agencies.detail({ agencyId: selene.id });
    expect(detail.statusHistory.map((change) => [change.status, change.reason])).toEqual([
      ['suspended', 'Unpaid invoices past 60 days'],
      ['active', 'Invoices settled'],
    ]);
    expect(detail.suppliers).toEqual([
      expect.objectContaining({ name: 'Diego Ramírez', email: 'diego.ramirez@selene-launch.example', invited: true }),
    ]);
  });
});
