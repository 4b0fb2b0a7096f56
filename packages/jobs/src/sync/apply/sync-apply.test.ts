import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { BookingCopy, Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { SyncMessage, syncMessageCollection } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { applySyncMessages, maxAttempts } from './sync-apply.ts';
import { launchEditMessage, pendingMessage, settleSync, targetsOf } from './targets.test-support.ts';

describe('applying sync messages', () => {
  let world: TestStores;
  let clock = new Date();
  const apply = () => applySyncMessages(targetsOf(world.stores), 'test-scheduler', () => clock);
  const settle = () => settleSync(world.stores, () => clock);
  const catalogue = (id: string) => world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, id);
  const queue = async (message: Parameters<typeof pendingMessage>[0]) => {
    const pending = pendingMessage(message, clock);
    await syncMessageCollection(world.stores.system.em).insertOne(pending);
    return pending._id;
  };
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('applies a message twice as once, and never lets an older version overwrite a newer one', async () => {
    const launch = await world.stores.operational.em.fork().findOneOrFail(Launch, { status: 'scheduled' });
    const current = await catalogue(launch.id);
    const messages = syncMessageCollection(world.stores.system.em);
    const message = (version: number, missionName: string) => launchEditMessage(current, version, missionName, clock);
    const newer = message(current.sourceVersion + 2, 'Newer Name');
    await messages.insertOne(newer);
    expect(await apply()).toMatchObject({ applied: 1 });
    await messages.insertOne(message(current.sourceVersion + 1, 'Older Name'));
    await messages.updateOne({ _id: newer._id }, { $set: { status: 'pending' } });
    expect(await apply()).toMatchObject({ applied: 0, stale: 2 });
    expect(await catalogue(launch.id)).toMatchObject({
      missionName: 'Newer Name',
      sourceVersion: current.sourceVersion + 2,
      seatsLeft: current.seatsLeft,
    });
  });

  it('retries a message that fails with growing delays, then keeps it as a dead letter with its error', async () => {
    const id = await queue({
      kind: 'launch.teleported',
      source: 'operational',
      target: 'customer',
      entityType: 'launch',
      entityId: 'nowhere',
      entityVersion: 1,
      payload: {},
    });
    const start = clock;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await apply();
      const stored = await world.stores.system.em.fork().findOneOrFail(SyncMessage, id);
      expect(stored).toMatchObject({ attempts: attempt, status: attempt < maxAttempts ? 'pending' : 'dead' });
      clock = new Date(stored.availableAt.getTime() + 1);
    }
    const dead = await world.stores.system.em.fork().findOneOrFail(SyncMessage, id);
    expect(dead).toMatchObject({
      status: 'dead',
      lastError: 'No applier for sync messages of kind "launch.teleported"',
    });
    // Backoff: the last retry came minutes after the first, not seconds.
    expect(clock.getTime() - start.getTime()).toBeGreaterThan(4 * 60_000);
    clock = new Date();
  });

  describe('a message whose payload does not fit its kind', () => {
    const deadLetterAfterOneApply = async (id: string) => {
      expect(await apply()).toMatchObject({ applied: 0, stale: 0, retried: 0, dead: 1 });
      return world.stores.system.em.fork().findOneOrFail(SyncMessage, id);
    };

    it('is dead-lettered at once, naming the field, and the catalogue keeps the launch as it was', async () => {
      const launch = await world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, { status: 'scheduled' });
      const edit = launchEditMessage(launch, launch.sourceVersion + 1, 'Never Shown', clock);
      const id = await queue({ ...edit, payload: { ...edit.payload, capacity: 'forty' } });

      expect(await deadLetterAfterOneApply(id)).toMatchObject({
        status: 'dead',
        attempts: 1,
        lastError:
          'This catalogue.launch-changed message does not fit its schema, so none of it was applied:\n' +
          '✖ Invalid input: expected number, received string\n  → at payload.capacity',
      });
      expect(await catalogue(launch.id)).toEqual(launch);
    });

    it("is dead-lettered at once, naming the field, and the booking's copy stays as it was", async () => {
      const booking = await world.stores.customer.em.fork().findOneOrFail(Booking, { status: 'confirmed' });
      const copy = () => world.stores.operational.em.fork().findOneOrFail(BookingCopy, booking.id);
      const before = await copy();
      const id = await queue({
        kind: 'booking.changed',
        source: 'customer',
        target: 'operational',
        entityType: 'booking',
        entityId: booking.id,
        entityVersion: booking.version + 1,
        payload: {
          launchId: booking.launchId,
          customerId: booking.customerId,
          customerName: before.customerName,
          customerEmail: before.customerEmail,
          customerTimeZone: 'UTC',
          seats: 1,
          // A passenger without a birth date would reach the supplier's manifest.
          passengers: [{ name: 'Mae Jemison' }],
          unitPriceCents: booking.unitPriceCents,
          totalCents: booking.unitPriceCents,
          currency: booking.currency,
          status: 'confirmed',
          payments: booking.payments,
          refunds: booking.refunds,
          bookedAt: booking.createdAt,
        },
      });

      expect(await deadLetterAfterOneApply(id)).toMatchObject({
        status: 'dead',
        attempts: 1,
        lastError:
          'This booking.changed message does not fit its schema, so none of it was applied:\n' +
          '✖ Invalid input: expected string, received undefined\n  → at payload.passengers[0].birthDate',
      });
      expect(await copy()).toEqual(before);
    });

    it('is dead-lettered at once, naming the field, and the booking is neither cancelled nor refunded', async () => {
      const bookings = () => world.stores.customer.em.fork();
      const booking = await bookings().findOneOrFail(Booking, { status: 'confirmed', cancellation: null });
      // A negative refund would have cancelled the booking and given nothing back.
      const id = await queue({
        kind: 'booking.cancel',
        source: 'operational',
        target: 'customer',
        entityType: 'booking',
        entityId: booking.id,
        entityVersion: 0,
        payload: { reason: 'Goodwill', refundCents: -500, requestedBy: 'finance@astro.example' },
      });

      expect(await deadLetterAfterOneApply(id)).toMatchObject({
        status: 'dead',
        attempts: 1,
        lastError:
          'This booking.cancel message does not fit its schema, so none of it was applied:\n' +
          '✖ Too small: expected number to be >=0\n  → at payload.refundCents',
      });
      expect(await bookings().findOneOrFail(Booking, booking.id)).toEqual(booking);
    });
  });
});
