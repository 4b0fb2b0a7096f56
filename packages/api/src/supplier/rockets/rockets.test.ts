import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@astro/logging';
import { Agency, Rocket } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createSupplierContext } from '../context.ts';
import { supplierRouter } from '../router.ts';

describe('supplier rockets.list', () => {
  let test: TestStores;
  const now = new Date('2026-11-25T12:00:00Z');
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const callerFor = (agencyId: string | null) =>
    supplierRouter.createCaller(
      createSupplierContext({
        operational: test.stores.operational,
        system: test.stores.system,
        log,
        viewer: agencyId ? viewerAs('supplier', { agencyId }) : viewerAs('supplier'),
        now: () => now,
      }),
    );

  beforeAll(async () => {
    test = await openTestStores();
    await seedDemoWorld(test.stores, now);
  });
  afterAll(() => test.drop());

  it("shows an agency its own rockets, inactive ones last, and nobody else's", async () => {
    const em = test.stores.operational.em.fork();
    const agency = await em.findOneOrFail(Agency, { displayName: 'Orbital Horizons' });
    const { agency: shown, rockets } = await callerFor(agency.id).rockets.list();
    expect(shown.name).toBe('Orbital Horizons');
    const own = await em.find(Rocket, { agency: agency.id });
    expect(rockets.map((rocket) => rocket.id).sort()).toEqual(own.map((rocket) => rocket.id).sort());
    expect(rockets.at(-1)).toMatchObject({ name: 'Horizon Lite', active: false, upcomingLaunches: 0 });
    expect(rockets.filter((rocket) => rocket.active).every((rocket) => rocket.upcomingLaunches > 0)).toBe(true);
  });

  it('refuses a supplier account that is not linked to an agency', async () => {
    await expect(callerFor(null).rockets.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your supplier account is not linked to an agency yet.',
    });
  });
});
