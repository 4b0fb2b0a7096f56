import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch, openCustomerDb, type CustomerOrm } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { releaseHold } from '../seats/seats.ts';
import { traveler as travelerNumber } from '../travelers.test-support.ts';
import { expireLapsedHolds } from './hold-expiry.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('seat holds', () => {
  let world: TestStores;
  const connections: CustomerOrm[] = [];
  const traveler = (n: number, customer?: CustomerOrm) => travelerNumber(world, n, { now: () => now, customer });
  const catalogue = () => world.stores.customer.em.fork();
  const bookableLaunch = async (minSeats: number) =>
    catalogue().findOneOrFail(
      CatalogueLaunch,
      {
        status: { $in: ['scheduled', 'confirmed'] },
        launchDate: { $gt: new Date(now.getTime() + 7 * 86_400_000) },
        seatsLeft: { $gte: minSeats },
      },
      { orderBy: { launchDate: 'asc' } },
    );

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
    for (let i = 0; i < 20; i++)
      connections.push(await openCustomerDb(world.config.customerMongoUrl, world.config.customerDbName));
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await world.drop();
  });

  it('never oversells: 200 travelers on 20 connections race for the last seats', async () => {
    const launch = await bookableLaunch(3);
    const before = { left: launch.seatsLeft, held: launch.seatsHeld };
    const attempts = await Promise.allSettled(
      Array.from({ length: 200 }, (_, n) =>
        traveler(n, connections[n % connections.length]).hold({
          launchId: launch.id,
          seats: 1,
          idempotencyKey: `race-${n}-${launch.id}`,
        }),
      ),
    );
    const held = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const refused = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(held).toHaveLength(before.left);
    for (const refusal of refused)
      expect(refusal.reason).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^Sold out/) });

    const after = await catalogue().findOneOrFail(CatalogueLaunch, launch.id);
    expect(after.seatsLeft).toBe(0);
    expect(after.seatsHeld).toBe(before.held + before.left);
    expect(after.seatsHeld + after.seatsConfirmed).toBe(after.capacity);
    expect(Object.keys(after.holds)).toHaveLength(before.left);
    expect(await catalogue().count(Booking, { launchId: launch.id, status: 'held' })).toBe(before.left);
  });

  it('answers the same idempotency key with the same hold, even when the requests arrive together', async () => {
    const launch = await bookableLaunch(4);
    const results = await Promise.all(
      connections.map((connection) =>
        traveler(9999, connection).hold({
          launchId: launch.id,
          seats: 2,
          idempotencyKey: 'one-click-twice',
        }),
      ),
    );
    expect(new Set(results.map((result) => result.bookingId)).size).toBe(1);
    const after = await catalogue().findOneOrFail(CatalogueLaunch, launch.id);
    expect(after.seatsLeft).toBe(launch.seatsLeft - 2);
    expect(Object.keys(after.holds)).toEqual([results[0]!.bookingId]);
  });

  it('gives a hold back exactly once, and refuses more seats than a booking may hold', async () => {
    const launch = await bookableLaunch(5);
    const caller = traveler(424242);
    const hold = await caller.hold({ launchId: launch.id, seats: 3, idempotencyKey: 'release-me-please' });
    expect(await releaseHold(catalogue(), launch.id, hold.bookingId, 3)).toBe(true);
    expect(await releaseHold(catalogue(), launch.id, hold.bookingId, 3)).toBe(false);
    expect((await catalogue().findOneOrFail(CatalogueLaunch, launch.id)).seatsLeft).toBe(launch.seatsLeft);
    await expect(
      caller.hold({ launchId: launch.id, seats: 5, idempotencyKey: 'too-many-seats' }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('at most 4 seats') });
  });

  it('expires a lapsed hold once, gives its seats back, and removes a booking that never got seats', async () => {
    const launch = await bookableLaunch(2);
    const hold = await traveler(777).hold({
      launchId: launch.id,
      seats: 2,
      idempotencyKey: 'about-to-lapse',
    });
    const abandoned = catalogue().create(Booking, {
      launchId: launch.id,
      customerId: 'abandoned',
      seats: 1,
      passengers: [],
      unitPriceCents: 1,
      totalCents: 1,
      currency: 'USD',
      status: 'held',
      holdExpiresAt: null,
      payments: [],
      refunds: [],
      idempotencyKey: 'died-before-taking-seats',
    });
    await catalogue().persist(abandoned).flush();

    const later = new Date(Date.parse(hold.holdExpiresAt!) + 1000);
    const laterStill = new Date(Math.max(later.getTime(), Date.now() + 120_000));
    const lapsing = await catalogue().count(Booking, { status: 'held', holdExpiresAt: { $lt: laterStill } });
    expect(await expireLapsedHolds(catalogue(), laterStill)).toEqual({ expired: lapsing, abandoned: 1 });
    expect(await expireLapsedHolds(catalogue(), laterStill)).toEqual({ expired: 0, abandoned: 0 });

    const after = await catalogue().findOneOrFail(CatalogueLaunch, launch.id);
    // Every hold on it has lapsed: all seats but the confirmed ones are for sale again.
    expect(after.seatsHeld).toBe(0);
    expect(after.seatsLeft).toBe(after.capacity - after.seatsConfirmed);
    expect(after.holds).toEqual({});
    expect(await catalogue().findOneOrFail(Booking, hold.bookingId)).toMatchObject({ status: 'expired' });
  });
});
