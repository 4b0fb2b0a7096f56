import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { createLogger } from '@astro/logging';
import { demoAgencies, seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
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
