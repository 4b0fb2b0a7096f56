import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBookingsOfAbortedLaunches } from '@astro/bookings';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { SandboxPayment } from '@astro/db/system';
import { abortCascadeJob, applySyncMessages, LeaseLost, relayOperationalOutbox, unfenced } from '@astro/jobs';
import { sandboxGateway } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { fenceLostAfter } from '../../../../packages/jobs/src/fences.test-support.ts';
import { targetsOf } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { launchAhead, traveler } from '../../../../packages/bookings/src/travelers.test-support.ts';
import { quietLog as log, supplierOf } from './people.test-support.ts';

describe('what the Customer DB does after its supplier aborts a launch', () => {
  let world: TestStores;
  const customerDb = () => world.stores.customer.em.fork();
  const systemDb = () => world.stores.system.em.fork();
  /** Traveler n holds `seats` seats, and names and pays for them unless `pay` is false; returns the booking id. */
  const book = (n: number, launchId: string, seats: number, pay = true) =>
    traveler(world, n).book(launchId, seats, { pay });
  const openLaunch = (skip: number, minSeats?: number) => launchAhead(world, skip, minSeats);

  /** Its supplier aborts the launch, and the abort reaches the Customer DB's catalogue. */
  const abort = async (launchId: string) => {
    const operational = await world.stores.operational.em.fork().findOneOrFail(Launch, launchId);
    await supplierOf(world, operational.agency.id).launches.changeStatus({
      launchId,
      to: 'aborted',
      reason: 'technical',
      note: 'Engine anomaly',
    });
    await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date());
    await applySyncMessages(targetsOf(world.stores), 'test', () => new Date());
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('cancels every booking of an aborted launch with a full refund, once, and ends its holds', async () => {
    const launch = await openLaunch(0);
    const earlier = await customerDb().count(Booking, { launchId: launch.id, status: 'confirmed' });
    const paid = await book(1, launch.id, 2);
    const held = await book(2, launch.id, 1, false);
    await abort(launch.id);

    const gateway = sandboxGateway(world.stores.system);
    expect(await cancelBookingsOfAbortedLaunches(customerDb(), gateway, new Date(), unfenced)).toEqual({
      cancelled: earlier + 1,
      released: 1,
    });
    expect(await cancelBookingsOfAbortedLaunches(customerDb(), gateway, new Date(), unfenced)).toEqual({
      cancelled: 0,
      released: 0,
    });
    const cancelled = await customerDb().findOneOrFail(Booking, paid);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.refunds).toEqual([
      expect.objectContaining({ amountCents: cancelled.totalCents, reason: expect.stringContaining('aborted') }),
    ]);
    expect(await customerDb().findOneOrFail(Booking, held)).toMatchObject({ status: 'expired' });
    expect(await systemDb().count(SandboxPayment, { id: `refund:${paid}:cancellation` })).toBe(1);
    const after = await customerDb().findOneOrFail(CatalogueLaunch, launch.id);
    expect(after).toMatchObject({ seatsHeld: 0, seatsConfirmed: 0, seatsLeft: after.capacity });
  });

  it('stops cancelling the bookings of an aborted launch when its run loses the lease, and the next run cancels the rest, each refunded once', async () => {
    const launch = await openLaunch(7, 3);
    const ours = [await book(80, launch.id, 1), await book(81, launch.id, 1), await book(82, launch.id, 1)];
    await abort(launch.id);
    const statuses = async () =>
      new Map(
        (await customerDb().find(Booking, { launchId: launch.id })).map((booking) => [booking.id, booking.status]),
      );
    const before = await statuses();
    const open = [...before.values()].filter((status) => status === 'held' || status === 'confirmed').length;
    expect(open).toBeGreaterThanOrEqual(ours.length);
    const job = abortCascadeJob(world.stores.customer, sandboxGateway(world.stores.system));

    // Taken over after its first booking: the run ends that one and touches no other.
    await expect(job.run({ log, now: () => new Date(), fence: fenceLostAfter(1) })).rejects.toBeInstanceOf(LeaseLost);
    const halfway = await statuses();
    expect([...halfway].filter(([id, status]) => before.get(id) !== status)).toHaveLength(1);
    expect(await customerDb().count(Booking, { launchId: launch.id, cancellation: { $ne: null } })).toBe(0);

    const rest = (await job.run({ log, now: () => new Date(), fence: unfenced })) as Record<string, number>;
    expect(rest['cancelled']! + rest['released']!).toBe(open - 1);
    expect(await customerDb().count(Booking, { launchId: launch.id, status: { $in: ['held', 'confirmed'] } })).toBe(0);
    for (const bookingId of ours) {
      expect(await customerDb().findOneOrFail(Booking, bookingId)).toMatchObject({
        status: 'cancelled',
        refunds: [expect.objectContaining({ amountCents: expect.any(Number) })],
      });
      expect(await systemDb().count(SandboxPayment, { id: `refund:${bookingId}:cancellation` })).toBe(1);
    }
  });
});
