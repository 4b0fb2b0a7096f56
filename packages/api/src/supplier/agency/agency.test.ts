import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditTrailOf } from '../../audit.test-support.ts';
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

describe('a supplier of a suspended agency', () => {
  let world: TestStores;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('reads everything and is refused every change, with a message that says why', async () => {
    const pioneer = await world.stores.operational.em.fork().findOneOrFail(Agency, { status: 'suspended' });
    const supplier = supplierRouter.createCaller(
      createSupplierContext({
        system: world.stores.system,
        operational: world.stores.operational,
        log,
        viewer: viewerAs('supplier', { agencyId: pioneer.id }),
      }),
    );
    expect(await supplier.agency.get()).toMatchObject({ status: 'suspended', contactEmail: pioneer.contactEmail });
    const { rockets } = await supplier.rockets.list();
    expect(rockets.length).toBeGreaterThan(0);
    const refused = {
      code: 'FORBIDDEN',
      message:
        'Your agency is suspended, so nothing can be changed for now; you can still see everything. Contact Astro Bookings to have it reactivated.',
    };
    await expect(
      supplier.agency.update({ contactEmail: 'new@pioneer.example', description: 'Back' }),
    ).rejects.toMatchObject(refused);
    await expect(supplier.rockets.deactivate({ rocketId: rockets[0]!.id })).rejects.toMatchObject(refused);
    expect((await supplier.agency.get()).contactEmail).toBe(pioneer.contactEmail);
    expect(await auditTrailOf(world.stores, 'agency', pioneer.id)).toEqual([]);
  });
});

describe('the agency profile in the audit trail', () => {
  let world: TestStores;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('records who changed the profile and each changed field, and nothing for a change it refuses', async () => {
    const agency = await world.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Red Frontier' });
    const viewer = viewerAs('supplier', { agencyId: agency.id });
    const supplier = supplierRouter.createCaller(
      createSupplierContext({ system: world.stores.system, operational: world.stores.operational, log, viewer }),
    );
    await supplier.agency.update({ contactEmail: agency.contactEmail, description: 'Red dust, blue sunsets.' });
    expect(await auditTrailOf(world.stores, 'agency', agency.id)).toEqual([
      expect.objectContaining({
        actorAccountId: viewer.userId,
        actorEmail: viewer.email,
        actorRole: 'supplier',
        action: 'agency.updateProfile',
        before: { description: agency.description },
        after: { description: 'Red dust, blue sunsets.' },
      }),
    ]);
    await expect(supplier.agency.update({ contactEmail: 'nowhere', description: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await auditTrailOf(world.stores, 'agency', agency.id)).toHaveLength(1);
  });
});
