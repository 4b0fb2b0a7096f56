import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createSupplierContext } from '../context.ts';
import { supplierRouter } from '../router.ts';

describe('the agency profile', () => {
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

  it('lets the supplier change contact details and description, never the legal data', async () => {
    const supplier = supplierRouter.createCaller(
      createSupplierContext({ ...base(), viewer: viewerAs('supplier', { agencyId: agency.id }) }),
    );
    const changed = await supplier.agency.update({
      contactEmail: 'Flights@Orbital.example',
      description: 'Orbit in comfort.',
      legalName: 'Hijacked Ltd',
    } as never);
    expect(changed).toMatchObject({
      contactEmail: 'flights@orbital.example',
      description: 'Orbit in comfort.',
      legal: { legalName: agency.legalName, taxId: agency.taxId },
    });
    await expect(supplier.agency.update({ contactEmail: 'not an address', description: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
