import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { createLogger } from '@astro/logging';
import { demoAgencies, seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
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
