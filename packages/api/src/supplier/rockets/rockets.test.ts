import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@astro/logging';
import { Agency, BookingCopy, Rocket, SyncOutboxMessage } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditTrailOf } from '../../audit.test-support.ts';
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

  it('records each change of a rocket with the fields before and after, and nothing for a change it refuses', async () => {
    const agency = await test.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Orbital Horizons' });
    // A caller per request, as the host makes them.
    const supplier = () => callerFor(agency.id);
    const { id: rocketId } = await supplier().rockets.create({ name: 'Auk', capacity: 4, range: 'suborbital' });
    await supplier().rockets.update({ rocketId, name: 'Auk', capacity: 6, range: 'orbit' });
    await expect(
      supplier().rockets.update({ rocketId, name: 'Horizon Lite', capacity: 6, range: 'orbit' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'You already have a rocket named Horizon Lite.' });
    await supplier().rockets.deactivate({ rocketId });
    // Deactivating again changes nothing, so it records nothing.
    await supplier().rockets.deactivate({ rocketId });
    const trail = await auditTrailOf(test.stores, 'rocket', rocketId);
    expect(trail.map(({ action, before, after, actorRole }) => ({ action, before, after, actorRole }))).toEqual(
      expect.arrayContaining([
        {
          action: 'rocket.create',
          before: null,
          after: { name: 'Auk', capacity: 4, range: 'suborbital', active: true },
          actorRole: 'supplier',
        },
        {
          action: 'rocket.update',
          before: { capacity: 4, range: 'suborbital' },
          after: { capacity: 6, range: 'orbit' },
          actorRole: 'supplier',
        },
        { action: 'rocket.deactivate', before: { active: true }, after: { active: false }, actorRole: 'supplier' },
      ]),
    );
    expect(trail).toHaveLength(3);
  });

  it('refuses a supplier account that is not linked to an agency', async () => {
    await expect(callerFor(null).rockets.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your supplier account is not linked to an agency yet.',
    });
  });

  it('refuses to cut a rocket below the seats a launch has held or sold, naming the launch, and changes nothing', async () => {
    const em = test.stores.operational.em.fork();
    const agency = await em.findOneOrFail(Agency, { displayName: 'Orbital Horizons' });
    const supplier = callerFor(agency.id);
    const { id: rocketId } = await supplier.rockets.create({ name: 'Petrel', capacity: 8, range: 'orbit' });
    const { id: launchId } = await supplier.launches.schedule({
      rocketId,
      missionName: 'Full House',
      destination: 'orbit',
      spaceport: 'Cape Canaveral SLC-40',
      launchDate: new Date(now.getTime() + 60 * 86_400_000),
      pricePerSeatCents: 300_000_00,
      minimumPassengers: 2,
    });
    // The booking copies as the sync job writes them: three seats sold, two held.
    for (const [seats, status] of [
      [3, 'confirmed'],
      [2, 'held'],
      [1, 'cancelled'],
    ] as const)
      em.create(BookingCopy, {
        id: crypto.randomUUID(),
        launch: launchId,
        customerId: crypto.randomUUID(),
        customerName: 'Valentina Tereshkova',
        customerEmail: 'valentina@example.com',
        seats,
        passengers: [],
        unitPriceCents: 300_000_00,
        totalCents: seats * 300_000_00,
        status,
        version: 1,
        bookedAt: now,
      });
    await em.flush();
    const announced = await em.count(SyncOutboxMessage, { entityId: launchId });

    await expect(
      supplier.rockets.update({ rocketId, name: 'Petrel', capacity: 4, range: 'orbit' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Full House has 5 seats held or sold; the rocket needs at least 5.',
      cause: { issues: [{ path: ['capacity'], message: expect.stringContaining('Full House') }] },
    });
    const fresh = test.stores.operational.em.fork();
    expect((await fresh.findOneOrFail(Rocket, rocketId)).capacity).toBe(8);
    expect(await fresh.count(SyncOutboxMessage, { entityId: launchId })).toBe(announced);

    await supplier.rockets.update({ rocketId, name: 'Petrel', capacity: 5, range: 'orbit' });
    expect((await test.stores.operational.em.fork().findOneOrFail(Rocket, rocketId)).capacity).toBe(5);
  });

  it('gives a rocket change and simultaneous edits of its launch a version each, so every one reaches the catalogue', async () => {
    const em = test.stores.operational.em.fork();
    const agency = await em.findOneOrFail(Agency, { displayName: 'Orbital Horizons' });
    const supplier = callerFor(agency.id);
    const { id: rocketId } = await supplier.rockets.create({ name: 'Kestrel', capacity: 8, range: 'orbit' });
    const terms = {
      rocketId,
      missionName: 'Crowded Desk',
      destination: 'orbit' as const,
      spaceport: 'Cape Canaveral SLC-40',
      launchDate: new Date(now.getTime() + 90 * 86_400_000),
      pricePerSeatCents: 300_000_00,
      minimumPassengers: 2,
    };
    const { id: launchId } = await supplier.launches.schedule(terms);

    await Promise.all([
      ...[1, 2, 3, 4].map((n) =>
        supplier.rockets.update({ rocketId, name: `Kestrel ${n}`, capacity: 8, range: 'orbit' }),
      ),
      ...[1, 2, 3, 4].map((n) => supplier.launches.edit({ launchId, ...terms, pricePerSeatCents: 300_000_00 + n })),
    ]);

    const versions = (await test.stores.operational.em.fork().find(SyncOutboxMessage, { entityId: launchId }))
      .map((message) => message.entityVersion)
      .sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
