import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueLaunch } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { travelerCallers } from '../travelers.test-support.ts';

const day = 86_400_000;
const seededAt = new Date('2026-11-25T12:00:00Z');

describe('the waiting list of a sold-out launch', () => {
  let world: TestStores;
  let clock = seededAt;
  const traveler = (n: number) => travelerCallers(world, () => clock)(n);
  const read = () => world.stores.customer.em.fork();
  const launchFarAhead = async (minSeats: number, skip = 0) =>
    (
      await read().find(
        CatalogueLaunch,
        { status: { $in: ['scheduled', 'confirmed'] }, seatsLeft: { $gte: minSeats } },
        { orderBy: { launchDate: 'desc' }, limit: 1, offset: skip },
      )
    )[0]!;

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, seededAt);
  });
  afterAll(() => world.drop());

  it('lines travelers up on a sold-out launch in the order they joined', async () => {
    const open = await launchFarAhead(1, 6);
    clock = new Date(open.launchDate.getTime() - 200 * day);
    await expect(traveler(8).waitingList.join({ launchId: open.id, seats: 1 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('not sold out'),
    });
    // Sell the launch out, then three travelers join.
    await read().nativeUpdate(CatalogueLaunch, { id: open.id }, { seatsLeft: 0 });
    const first = await traveler(8).waitingList.join({ launchId: open.id, seats: 2 });
    clock = new Date(clock.getTime() + 1000);
    const second = await traveler(9).waitingList.join({ launchId: open.id, seats: 1 });
    clock = new Date(clock.getTime() + 1000);
    await traveler(10).waitingList.join({ launchId: open.id, seats: 1 });
    expect([first.position, second.position]).toEqual([1, 2]);
    expect((await traveler(8).waitingList.join({ launchId: open.id, seats: 2 })).position).toBe(1);

    expect(await traveler(8).waitingList.leave({ launchId: open.id })).toEqual({ left: true });
    expect(await traveler(9).waitingList.mine()).toEqual([expect.objectContaining({ launchId: open.id, position: 1 })]);
    expect(await traveler(10).waitingList.mine()).toEqual([expect.objectContaining({ position: 2 })]);
    expect(await traveler(8).waitingList.mine()).toEqual([]);
  });
});
