import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerReturnedSeats, recountTripsFlown } from '@astro/bookings';
import { Booking, CatalogueLaunch, changeBooking, WaitingListEntry } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { Email } from '@astro/db/system';
import { sandboxGateway } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { launchAhead, traveler } from '../../../bookings/src/travelers.test-support.ts';
import { quietLog as log } from '../quiet-log.test-support.ts';
import { fenceLostAfter } from '../fences.test-support.ts';
import { LeaseLost, unfenced } from '../scheduler.ts';
import { bookingRecoveryJob } from './booking-recovery.job.ts';
import { tripsFlownJob } from './booking-upkeep.jobs.ts';
import { holdExpiryJob } from './hold-expiry.job.ts';

describe('what the Customer DB does after launch changes', () => {
  let world: TestStores;
  const customerDb = () => world.stores.customer.em.fork();
  const systemDb = () => world.stores.system.em.fork();
  /** Traveler n holds `seats` seats, and names and pays for them unless `pay` is false; returns the booking id. */
  const book = (n: number, launchId: string, seats: number, pay = true) =>
    traveler(world, n).book(launchId, seats, { pay });
  const openLaunch = (skip: number, minSeats?: number) => launchAhead(world, skip, minSeats);

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('stops finishing interrupted payments when its run loses the lease, and the next run finishes the rest', async () => {
    const launch = await openLaunch(8, 3);
    const ours = [
      await book(83, launch.id, 1, false),
      await book(84, launch.id, 1, false),
      await book(85, launch.id, 1, false),
    ];
    // Hosts killed after "Pay" was pressed, before the gateway charged anything.
    for (const bookingId of ours)
      await changeBooking(
        customerDb(),
        { _id: bookingId },
        {
          set: {
            paymentAttempt: { key: 'killed', gatewayKey: `${bookingId}:killed`, chargeId: null, startedAt: new Date() },
          },
        },
        new Date(),
      );
    const interrupted = () => customerDb().count(Booking, { id: { $in: ours }, paymentAttempt: { $ne: null } });
    const job = bookingRecoveryJob(world.stores.customer, sandboxGateway(world.stores.system));
    const later = () => new Date(Date.now() + 3 * 60_000);

    await expect(job.run({ log, now: later, fence: fenceLostAfter(1) })).rejects.toBeInstanceOf(LeaseLost);
    expect(await interrupted()).toBe(ours.length - 1);
    await job.run({ log, now: later, fence: unfenced });
    expect(await interrupted()).toBe(0);
    for (const bookingId of ours)
      expect(await customerDb().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'held', payments: [] });
  });

  it('offers seats that come back to the waiting list in order, as 24-hour priority holds with an e-mail', async () => {
    const launch = await openLaunch(1);
    const returning = await book(10, launch.id, 2);
    // Sell out the rest.
    for (let left = launch.seatsLeft - 2, n = 11; left > 0; n++) {
      const seats = Math.min(4, left);
      await book(n, launch.id, seats, false);
      left -= seats;
    }
    await traveler(world, 50).joinWaitingList({ launchId: launch.id, seats: 1 });
    await traveler(world, 51).joinWaitingList({ launchId: launch.id, seats: 1 });
    expect(await offerReturnedSeats(customerDb(), systemDb(), new Date(), unfenced)).toEqual({ offered: 0 });

    const quote = (await traveler(world, 10).booking(returning)).cancellationQuote!;
    await traveler(world, 10).cancel({ bookingId: returning, quotedRefundCents: quote.refundCents });
    expect(await offerReturnedSeats(customerDb(), systemDb(), new Date(), unfenced)).toEqual({ offered: 1 });
    const [first] = await traveler(world, 50).waitingPlaces();
    expect(first).toMatchObject({ status: 'offered', bookingId: expect.any(String) });
    const priority = await traveler(world, 50).booking(first!.bookingId!);
    expect(Date.parse(priority.holdExpiresAt!) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const offer = await customerDb().findOneOrFail(WaitingListEntry, { launchId: launch.id, status: 'offered' });
    expect(await systemDb().findOne(Email, { dedupeKey: `waiting-list-offer:${offer.id}` })).toMatchObject({
      recipient: 'traveler50@example.com',
      template: 'waiting-list-offer',
    });
    // The second in line is next, on the next run.
    expect(await traveler(world, 51).waitingPlaces()).toEqual([
      expect.objectContaining({ status: 'waiting', position: 1 }),
    ]);
    expect(await offerReturnedSeats(customerDb(), systemDb(), new Date(), unfenced)).toEqual({ offered: 1 });
    expect(await traveler(world, 51).waitingPlaces()).toEqual([expect.objectContaining({ status: 'offered' })]);
  });

  it('tells a customer their hold lapsed, once, through the outbox', async () => {
    const launch = await openLaunch(2);
    const bookingId = await book(60, launch.id, 1, false);
    const job = holdExpiryJob(world.stores.customer, world.stores.system);
    const later = () => new Date(Date.now() + 11 * 60_000);
    await job.run({ log, now: later, fence: unfenced });
    await job.run({ log, now: later, fence: unfenced });
    expect(await customerDb().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'expired' });
    expect(await systemDb().find(Email, { dedupeKey: `hold-expired:${bookingId}` })).toEqual([
      expect.objectContaining({ recipient: 'traveler60@example.com', template: 'hold-expired', status: 'pending' }),
    ]);
  });

  it('counts a trip for each launch a traveler flew on, and makes VIPs of two', async () => {
    const [first, second] = [await openLaunch(3, 1), await openLaunch(4, 1)];
    await book(70, first!.id, 1);
    await book(70, second!.id, 1);
    await customerDb().nativeUpdate(CatalogueLaunch, { id: first!.id }, { status: 'launched' });
    await recountTripsFlown(customerDb(), unfenced);
    expect(await traveler(world, 70).profile()).toMatchObject({ tripsFlown: 1, vip: false });
    await customerDb().nativeUpdate(CatalogueLaunch, { id: second!.id }, { status: 'launched' });
    await recountTripsFlown(customerDb(), unfenced);
    expect(await traveler(world, 70).profile()).toMatchObject({ tripsFlown: 2, vip: true });
  });

  it('counts two bookings on one launch that flew as one trip, so they make no VIP; a second launch does', async () => {
    const [first, second] = [await openLaunch(5, 2), await openLaunch(6, 2)];
    await book(71, first!.id, 1);
    await book(71, first!.id, 1);
    await book(71, second!.id, 1);
    const job = tripsFlownJob(world.stores.customer);
    await customerDb().nativeUpdate(CatalogueLaunch, { id: first!.id }, { status: 'launched' });
    await job.run({ log, now: () => new Date(), fence: unfenced });
    expect(await traveler(world, 71).profile()).toMatchObject({ tripsFlown: 1, vip: false });
    await customerDb().nativeUpdate(CatalogueLaunch, { id: second!.id }, { status: 'launched' });
    await job.run({ log, now: () => new Date(), fence: unfenced });
    expect(await traveler(world, 71).profile()).toMatchObject({ tripsFlown: 2, vip: true });
  });
});
