import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireLapsedHolds } from '@astro/bookings';
import { CatalogueLaunch } from '@astro/db/customer';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { syncMessageCollection } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { supplierOf, traveler } from './people.test-support.ts';

const day = 86_400_000;

describe('a rocket cut below the seats the catalogue has taken', () => {
  let world: TestStores;
  const settle = () => settleSync(world.stores);
  const catalogue = (id: string) => world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, id);
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  /** A context per request, as the host makes one. */
  let supplier: () => ReturnType<typeof supplierOf>;
  /** A new rocket of `capacity` seats with one launch ahead, in the catalogue. */
  async function launchOnNewRocket(rocket: { name: string; capacity: number; range: 'orbit' }, missionName: string) {
    const agency = await world.stores.operational.em.fork().findOneOrFail(Agency, { status: 'active' });
    supplier = () => supplierOf(world, agency.id);
    const { id: rocketId } = await supplier().rockets.create(rocket);
    const { id: launchId } = await supplier().launches.schedule({
      rocketId,
      missionName,
      destination: 'orbit',
      spaceport: 'Cape Canaveral SLC-40',
      launchDate: new Date(Date.now() + 60 * day),
      pricePerSeatCents: 200_000_00,
      minimumPassengers: 2,
    });
    await settle();
    return { rocketId, launchId };
  }

  it('keeps every seat taken, sells no more, not even the seats that come back, and shows the supplier the conflict until they do', async () => {
    const rocket = { name: 'Shearwater', capacity: 8, range: 'orbit' as const };
    const { rocketId, launchId } = await launchOnNewRocket(rocket, 'Crowded Sky');

    // Travelers take six seats in the Customer DB; the Operational DB's booking copies have not heard of them.
    await traveler(world, 31).bookings.hold({ launchId, seats: 4, idempotencyKey: 'crowded-1' });
    await traveler(world, 32).bookings.hold({ launchId, seats: 2, idempotencyKey: 'crowded-2' });
    await supplier().rockets.update({ rocketId, ...rocket, capacity: 4 });
    expect(await settle()).toMatchObject({ dead: 0 });

    expect(await catalogue(launchId)).toMatchObject({ capacity: 6, seatsHeld: 6, seatsLeft: 0 });
    await expect(
      traveler(world, 33).bookings.hold({ launchId, seats: 1, idempotencyKey: 'crowded-3' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await supplier().launches.get({ launchId })).capacityConflict).toMatchObject({
      seatsTaken: 6,
      capacity: 4,
    });
    const { launches } = await supplier().launches.list({ rocketId, pageSize: 10 });
    expect(launches[0]!.capacityConflict).toMatchObject({ seatsTaken: 6, capacity: 4 });

    // The held seats lapse: the catalogue shrinks back to the rocket's four seats instead of selling six.
    await expireLapsedHolds(world.stores.customer.em.fork(), new Date(Date.now() + 11 * 60_000));
    // At once, before any sync: the two seats beyond the rocket leave the launch rather than go back on sale.
    expect(await catalogue(launchId)).toMatchObject({ capacity: 4, seatsHeld: 0, seatsLeft: 4 });
    await settle(); // the bookings' expiry reaches their copies, which announce the launch again
    await settle(); // … and the announcement reaches the catalogue
    expect(await catalogue(launchId)).toMatchObject({ capacity: 4, seatsHeld: 0, seatsLeft: 4 });
    expect((await supplier().launches.get({ launchId })).capacityConflict).toBeNull();

    await supplier().rockets.update({ rocketId, ...rocket, capacity: 8 });
    await settle();
    expect(await catalogue(launchId)).toMatchObject({ capacity: 8, seatsLeft: 8 });
  });

  it('never sells a seat twice nor leaves seats left below 0 while 50 holds race the cut', async () => {
    const rocket = { name: 'Storm Petrel', capacity: 60, range: 'orbit' as const };
    const { rocketId, launchId } = await launchOnNewRocket(rocket, 'Rush Hour');

    await supplier().rockets.update({ rocketId, ...rocket, capacity: 20 });
    const holds = Array.from({ length: 50 }, (_, n) =>
      traveler(world, 100 + n).bookings.hold({ launchId, seats: 1, idempotencyKey: `rush-hour-${n}` }),
    );
    const [outcomes] = await Promise.all([Promise.allSettled(holds), settle()]);
    // A cut that kept losing the race to the holds is retried, as the job would a few seconds later.
    await syncMessageCollection(world.stores.system.em).updateMany(
      { entityId: launchId, status: 'pending' },
      { $set: { availableAt: new Date(0) } },
    );
    await settle();

    const held = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    // Either the cut came first and 20 seats sold, or holds came first and every one of them stands.
    expect(held).toBeGreaterThanOrEqual(20);
    const entry = await catalogue(launchId);
    expect(entry.sourceVersion).toBe(2);
    expect(entry.seatsHeld).toBe(held);
    expect(Object.keys(entry.holds)).toHaveLength(held);
    expect(entry.seatsLeft).toBeGreaterThanOrEqual(0);
    expect(entry.capacity).toBe(Math.max(20, held));
    expect(entry.seatsLeft).toBe(entry.capacity - held);
    const conflict = (await supplier().launches.get({ launchId })).capacityConflict;
    expect(conflict).toEqual(held > 20 ? expect.objectContaining({ seatsTaken: held, capacity: 20 }) : null);
  });
});
