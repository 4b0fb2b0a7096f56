import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { SyncMessage } from '@astro/db/system';
import { createLogger, withCorrelation } from '@astro/logging';
import { sandboxCards } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { travelerAs } from '../../../bookings/src/travelers.test-support.ts';
import { applySyncMessages } from './apply/sync-apply.ts';
import { targetsOf } from './apply/targets.test-support.ts';
import { bookingMessageId, relayBookingChanges } from './booking-relay.job.ts';

describe('sync messages for booking changes', () => {
  let world: TestStores;
  const relay = () => relayBookingChanges(world.stores.customer, world.stores.system, new Date());
  /** A launch with a seat left: the latest or the soonest, so the two tests book different ones. */
  const launchWithSeats = (launchDate: 'asc' | 'desc') =>
    world.stores.customer.em
      .fork()
      .findOneOrFail(CatalogueLaunch, { status: 'scheduled', seatsLeft: { $gte: 1 } }, { orderBy: { launchDate } });
  const messagesOf = (bookingId: string) =>
    world.stores.system.em.fork().find(SyncMessage, { entityId: bookingId }, { orderBy: { entityVersion: 'asc' } });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('records one message per booking version, in order, however often it runs', async () => {
    const traveler = travelerAs(world, {
      userId: 'relay-traveler',
      name: 'Relay Traveler',
      email: 'relay@example.com',
    });
    const launch = await launchWithSeats('desc');
    await relay();

    const { bookingId } = await traveler.hold({
      launchId: launch.id,
      seats: 1,
      idempotencyKey: 'relay-hold-1',
    });
    expect(await relay()).toBe(1);
    expect(await messagesOf(bookingId)).toEqual([
      expect.objectContaining({
        kind: 'booking.changed',
        source: 'customer',
        target: 'operational',
        entityVersion: 1,
        payload: expect.objectContaining({ status: 'held', customerName: 'Relay Traveler', launchId: launch.id }),
      }),
    ]);

    await traveler.passengers({
      bookingId,
      passengers: [{ name: 'Relay Traveler', birthDate: '1984-02-29' }],
    });
    await traveler.pay({
      bookingId,
      attemptKey: 'relay-pay-1',
      card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
    });
    expect(await relay()).toBe(1);
    expect(await relay()).toBe(0);
    const booking = await world.stores.customer.em.fork().findOneOrFail(Booking, bookingId);
    const messages = await messagesOf(bookingId);
    expect(messages.map((message) => message.entityVersion)).toEqual([1, booking.version]);
    expect(messages.at(-1)!.payload).toMatchObject({ status: 'confirmed', passengers: [{ name: 'Relay Traveler' }] });

    // A relay that died after writing the message but before clearing the mark writes it once.
    await world.stores.customer.em.fork().nativeUpdate(Booking, { id: bookingId }, { syncPending: true });
    expect(await relay()).toBe(1);
    expect(await messagesOf(bookingId)).toHaveLength(2);
    expect(messages.at(-1)!.id).toBe(bookingMessageId(bookingId, booking.version));
  });

  it("carries the correlation id of the request that changed the booking, which finds the sync job's line applying it", async () => {
    const traveler = travelerAs(world, {
      userId: 'traced-traveler',
      name: 'Traced Traveler',
      email: 'traced@example.com',
    });
    const launch = await launchWithSeats('asc');
    const { bookingId } = await withCorrelation({ correlationId: 'trace-hold-7', requestId: 'request-7' }, () =>
      traveler.hold({ launchId: launch.id, seats: 1, idempotencyKey: 'traced-hold-1' }),
    );
    await relay();
    expect(await messagesOf(bookingId)).toEqual([expect.objectContaining({ correlationId: 'trace-hold-7' })]);

    const lines: Record<string, unknown>[] = [];
    const log = createLogger({
      service: 'jobs',
      level: 'info',
      write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    await withCorrelation({ correlationId: 'job:sync-apply:run-1', requestId: null }, () =>
      applySyncMessages(targetsOf(world.stores), 'test-scheduler', () => new Date(), undefined, undefined, log),
    );
    expect(lines.filter((line) => line['correlationId'] === 'trace-hold-7')).toEqual([
      expect.objectContaining({
        message: 'Sync message applied',
        fields: expect.objectContaining({ entityId: bookingId, kind: 'booking.changed', run: 'job:sync-apply:run-1' }),
      }),
    ]);
  });
});
