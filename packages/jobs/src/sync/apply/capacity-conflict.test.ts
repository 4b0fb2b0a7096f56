import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueLaunch } from '@astro/db/customer';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { supplierOf, traveler } from '../../people.test-support.ts';
import { settleSync } from './targets.test-support.ts';

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

  it('keeps every seat taken, sells no more, and shows the supplier the conflict until the rocket has room again', async () => {
    const agency = await world.stores.operational.em.fork().findOneOrFail(Agency, { status: 'active' });
    // A context per request, as the host makes one.
    const supplier = () => supplierOf(world, agency.id);
    const rocket = { name: 'Shearwater', capacity: 8, range: 'orbit' as const };
    const { id: rocketId } = await supplier().rockets.create(rocket);
    const { id: launchId } = await supplier().launches.schedule({
      rocketId,
      missionName: 'Crowded Sky',
      destination: 'orbit',
      spaceport: 'Cape Canaveral SLC-40',
      launchDate: new Date(Date.now() + 60 * day),
      pricePerSeatCents: 200_000_00,
      minimumPassengers: 2,
    });
    await settle();

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

    // Room again: the conflict is over, and the seats beyond those taken are for sale.
    await supplier().rockets.update({ rocketId, ...rocket, capacity: 8 });
    await settle();
    expect(await catalogue(launchId)).toMatchObject({ capacity: 8, seatsLeft: 2 });
    expect((await supplier().launches.get({ launchId })).capacityConflict).toBeNull();
  });
});
