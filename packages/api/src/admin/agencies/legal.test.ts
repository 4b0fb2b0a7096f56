import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

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
});
