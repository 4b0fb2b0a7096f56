import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { AuditEntry, Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { SandboxPayment, SyncMessage, syncMessageCollection } from '@astro/db/system';
import { sandboxCards } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { relayOperationalOutbox } from '@astro/jobs';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { employeeAs, supplierOf, traveler } from './people.test-support.ts';

const day = 86_400_000;

describe('cancelling a booking, by the traveler and by an employee', () => {
  let world: TestStores;
  let key = 0;
  const settle = (at = new Date()) => settleSync(world.stores, () => at);
  const customerDb = () => world.stores.customer.em.fork();
  /** Traveler n holds, names and pays for one seat; returns the booking id. */
  const book = async (n: number, launchId: string) => {
    const caller = traveler(world, n);
    const { bookingId } = await caller.bookings.hold({ launchId, seats: 1, idempotencyKey: `policy-key-${++key}` });
    await caller.bookings.passengers({ bookingId, passengers: [{ name: 'Valentina T', birthDate: '1980-03-06' }] });
    await caller.bookings.pay({
      bookingId,
      attemptKey: `policy-pay-${++key}`,
      card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
    });
    return bookingId;
  };
  /** A bookable launch with seats left, `skip` places down the list of those far ahead. */
  const launchAhead = async (status: 'scheduled' | 'confirmed', skip: number) => {
    const [open] = await customerDb().find(
      CatalogueLaunch,
      { status, seatsLeft: { $gte: 2 }, launchDate: { $gt: new Date(Date.now() + 100 * day) } },
      { orderBy: { launchDate: 'desc' }, offset: skip, limit: 1 },
    );
    return world.stores.operational.em.fork().findOneOrFail(Launch, open!.id);
  };
  const delay = async (launch: Launch) => {
    await supplierOf(world, launch.agency.id).launches.changeStatus({
      launchId: launch.id,
      to: 'delayed',
      newDate: new Date(launch.launchDate.getTime() + 7 * day),
      reason: 'Range conflict',
    });
    await settle();
  };
  const employee = (role: 'support' | 'finance') => employeeAs(world, role);
  const refunds = (bookingId: string) =>
    world.stores.system.em.fork().count(SandboxPayment, { id: new RegExp(`^refund:${bookingId}`) });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('refunds everything when the launch is delayed after the booking was made', async () => {
    const launch = await launchAhead('scheduled', 0);
    const bookingId = await book(1, launch.id);
    await delay(launch);
    const booking = await traveler(world, 1).bookings.get({ bookingId });
    expect(booking.cancellationQuote).toMatchObject({ percent: 100, refundCents: booking.paidCents });
    const cancelled = await traveler(world, 1).bookings.cancel({ bookingId, quotedRefundCents: booking.paidCents });
    expect(cancelled).toMatchObject({ status: 'cancelled', refundedCents: booking.paidCents });
  });

  it('refunds by the dates alone when the delay came before the booking', async () => {
    const launch = await launchAhead('scheduled', 1);
    await delay(launch);
    const bookingId = await book(2, launch.id);
    const booking = await traveler(world, 2).bookings.get({ bookingId });
    const launchDate = new Date(booking.launch!.launchDate).getTime();
    const byDate = launchDate - Date.now() >= 365 * day ? 90 : 70;
    expect(booking.cancellationQuote).toMatchObject({
      percent: byDate,
      refundCents: Math.floor((booking.paidCents * byDate) / 100),
    });
    const cancelled = await traveler(world, 2).bookings.cancel({
      bookingId,
      quotedRefundCents: booking.cancellationQuote!.refundCents,
    });
    expect(cancelled.refundedCents).toBe(Math.floor((booking.paidCents * byDate) / 100));
  });

  it('cancels nothing once the launch has flown: not for the traveler, not for an employee', async () => {
    const launch = await launchAhead('confirmed', 0);
    const bookingId = await book(3, launch.id);
    const raced = await book(4, launch.id);
    await settle();
    // Support asks to cancel one booking while the launch is still ahead; the command then waits out an outage.
    expect(await employee('support').bookings.cancel({ bookingId: raced, reason: 'Asked by phone' })).toMatchObject({
      requested: true,
    });
    // The request is on the audit trail, with who asked and why; the refused one below leaves nothing there.
    expect(await world.stores.operational.em.fork().find(AuditEntry, { targetId: raced })).toEqual([
      expect.objectContaining({
        action: 'booking.cancel',
        actorEmail: 'support@astro.example',
        before: { status: 'confirmed' },
        after: expect.objectContaining({ status: 'cancellation requested', refundSetByEmployee: false }),
        reason: 'Asked by phone',
      }),
    ]);
    await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date());
    const messages = syncMessageCollection(world.stores.system.em);
    await messages.updateMany(
      { kind: 'booking.cancel', entityId: raced, status: 'pending' },
      { $set: { availableAt: new Date(Date.now() + 3_600_000) } },
    );

    const afterLaunch = new Date(launch.launchDate.getTime() + 3_600_000);
    const supplier = supplierOf(world, launch.agency.id, () => afterLaunch);
    await supplier.launches.changeStatus({ launchId: launch.id, to: 'launched' });
    await settle();
    expect(await customerDb().findOneOrFail(CatalogueLaunch, launch.id)).toMatchObject({ status: 'launched' });

    const seen = await traveler(world, 3).bookings.get({ bookingId });
    expect(seen).toMatchObject({
      status: 'confirmed',
      cancellationQuote: null,
      cancellationRefused: 'This launch has already flown, so its bookings can no longer be cancelled.',
    });
    await expect(traveler(world, 3).bookings.cancel({ bookingId, quotedRefundCents: 0 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This launch has already flown, so its bookings can no longer be cancelled.',
    });
    await expect(
      employee('finance').bookings.cancel({ bookingId, reason: 'Goodwill after the flight', refundCents: 100 }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('already flown') });
    expect(await world.stores.operational.em.fork().count(AuditEntry, { targetId: bookingId })).toBe(0);

    // The command sent before the flight lands after it: refused for good, saying why, and nothing refunded.
    expect(await settle(new Date(Date.now() + 2 * 3_600_000))).toMatchObject({ dead: 1 });
    expect(
      await world.stores.system.em.fork().findOneOrFail(SyncMessage, { kind: 'booking.cancel', entityId: raced }),
    ).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'Refused: This launch has already flown, so its bookings can no longer be cancelled.',
    });
    for (const id of [bookingId, raced]) {
      expect(await customerDb().findOneOrFail(Booking, id)).toMatchObject({ status: 'confirmed', refunds: [] });
      expect(await refunds(id)).toBe(0);
    }
  });
});
