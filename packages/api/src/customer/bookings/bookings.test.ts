import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { SandboxPayment } from '@astro/db/system';
import { sandboxCards } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { travelerCallers } from '../travelers.test-support.ts';

const day = 86_400_000;
const seededAt = new Date('2026-11-25T12:00:00Z');
const card = (number: string) => ({ number, expiry: '12/30', cvc: '123' });
/** Born `years` years and a day before the launch: `years` old on launch day. */
const bornYearsBefore = (launchDate: Date, years: number) => {
  const birth = new Date(launchDate.getTime() - day);
  birth.setUTCFullYear(birth.getUTCFullYear() - years);
  return birth.toISOString().slice(0, 10);
};

describe('booking seats: passengers, payment, cancellation', () => {
  let world: TestStores;
  let clock = seededAt;
  let key = 0;
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
  /** A held booking with valid passengers, placed `daysAhead` days before the launch. */
  const heldBooking = async (n: number, seats: number, launch: CatalogueLaunch, daysAhead: number) => {
    clock = new Date(launch.launchDate.getTime() - daysAhead * day);
    const caller = traveler(n);
    const hold = await caller.bookings.hold({ launchId: launch.id, seats, idempotencyKey: `flow-key-${++key}` });
    await caller.bookings.passengers({
      bookingId: hold.bookingId,
      passengers: Array.from({ length: seats }, (_, i) => ({
        name: `Passenger ${i + 1}`,
        birthDate: bornYearsBefore(launch.launchDate, 30 + i),
      })),
    });
    return { caller, bookingId: hold.bookingId };
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, seededAt);
  });
  afterAll(() => world.drop());

  it('refuses a passenger younger than 18 or older than 70 on the launch date, at that field', async () => {
    const launch = await launchFarAhead(3);
    clock = new Date(launch.launchDate.getTime() - 100 * day);
    const caller = traveler(1);
    const { bookingId } = await caller.bookings.hold({
      launchId: launch.id,
      seats: 3,
      idempotencyKey: `ages-key-${++key}`,
    });
    const attempt = caller.bookings.passengers({
      bookingId,
      passengers: [
        { name: 'Ada Adult', birthDate: bornYearsBefore(launch.launchDate, 18) },
        { name: 'Kim Kid', birthDate: bornYearsBefore(launch.launchDate, 17) },
        { name: 'Otto Old', birthDate: bornYearsBefore(launch.launchDate, 71) },
      ],
    });
    const refusal = (await attempt.catch((error: unknown) => error)) as {
      code: string;
      message: string;
      cause: { issues: { path: string[]; message: string }[] };
    };
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.cause.issues).toEqual([
      { path: ['passengers.1.birthDate'], message: expect.stringMatching(/at least 18 .*this one would be 17/) },
      { path: ['passengers.2.birthDate'], message: expect.stringMatching(/at most 70 .*this one would be 71/) },
    ]);
    expect((await read().findOneOrFail(Booking, bookingId)).passengers).toEqual([]);
    // Paying without valid passengers is refused before any card is charged.
    await expect(
      caller.bookings.pay({ bookingId, attemptKey: `pay-key-${++key}`, card: card(sandboxCards.succeeds) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Enter 3 passengers') });
    expect(await read().count(Booking, { id: bookingId, status: 'held' })).toBe(1);
  });

  it('keeps the hold when the card is declined, then confirms the seats with a good card, charged once', async () => {
    const launch = await launchFarAhead(2, 1);
    const { caller, bookingId } = await heldBooking(2, 2, launch, 200);
    await expect(
      caller.bookings.pay({ bookingId, attemptKey: `pay-key-${++key}`, card: card(sandboxCards.declined) }),
    ).rejects.toMatchObject({
      code: 'PAYMENT_REQUIRED',
      message: expect.stringContaining('Your seats are still held'),
    });
    const declined = await caller.bookings.get({ bookingId });
    expect(declined).toMatchObject({ status: 'held', paymentUnderWay: false, paidCents: 0 });
    expect(declined.holdExpiresAt).not.toBeNull();
    expect((await read().findOneOrFail(CatalogueLaunch, launch.id)).holds[bookingId]).toMatchObject({ seats: 2 });

    const confirmed = await caller.bookings.pay({
      bookingId,
      attemptKey: `pay-key-${++key}`,
      card: card(sandboxCards.succeeds),
    });
    expect(confirmed).toMatchObject({ status: 'confirmed', paidCents: confirmed.totalCents, holdExpiresAt: null });
    expect(confirmed.payments.map((payment) => payment.outcome)).toEqual(['declined', 'captured']);
    const after = await read().findOneOrFail(CatalogueLaunch, launch.id);
    expect(after.holds[bookingId]).toBeUndefined();
    expect(after.confirmations[bookingId]).toBe(2);
    expect(after.seatsConfirmed).toBe(launch.seatsConfirmed + 2);
    expect(after.seatsLeft).toBe(launch.seatsLeft - 2);
    await expect(
      caller.bookings.pay({ bookingId, attemptKey: `pay-key-${++key}`, card: card(sandboxCards.succeeds) }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This booking is already paid.' });
  });

  it('charges once when the same payment arrives several times at the same moment', async () => {
    const launch = await launchFarAhead(1, 2);
    const { caller, bookingId } = await heldBooking(3, 1, launch, 200);
    const attemptKey = `pay-key-${++key}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        caller.bookings.pay({ bookingId, attemptKey, card: card(sandboxCards.succeeds) }),
      ),
    );
    expect(answers.every((answer) => answer.status === 'confirmed')).toBe(true);
    const charges = await world.stores.system.em
      .fork()
      .count(SandboxPayment, { id: new RegExp(`^charge:${bookingId}`) });
    expect(charges).toBe(1);
    const booking = await read().findOneOrFail(Booking, bookingId);
    expect(booking.payments.filter((payment) => payment.outcome === 'captured')).toHaveLength(1);
  });

  it('charges nothing once the hold has lapsed', async () => {
    const launch = await launchFarAhead(1, 3);
    const { caller, bookingId } = await heldBooking(4, 1, launch, 200);
    clock = new Date(clock.getTime() + 11 * 60_000);
    await expect(
      caller.bookings.pay({ bookingId, attemptKey: `pay-key-${++key}`, card: card(sandboxCards.succeeds) }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('nothing was charged') });
    expect(await world.stores.system.em.fork().count(SandboxPayment, { id: new RegExp(`^charge:${bookingId}`) })).toBe(
      0,
    );
  });

  it('cancels for the refund it quoted, gives the seats back once, and refunds once', async () => {
    const launch = await launchFarAhead(2, 4);
    const { caller, bookingId } = await heldBooking(5, 2, launch, 400);
    const paid = await caller.bookings.pay({
      bookingId,
      attemptKey: `pay-key-${++key}`,
      card: card(sandboxCards.succeeds),
    });
    const seatsLeftPaid = (await read().findOneOrFail(CatalogueLaunch, launch.id)).seatsLeft;

    // 365 days ahead to the millisecond still earns 90%; the quote changes a moment later.
    clock = new Date(launch.launchDate.getTime() - 365 * day);
    const quote = (await caller.bookings.get({ bookingId })).cancellationQuote!;
    expect(quote).toMatchObject({ percent: 90, refundCents: Math.floor(paid.totalCents * 0.9) });
    clock = new Date(clock.getTime() + 1);
    await expect(caller.bookings.cancel({ bookingId, quotedRefundCents: quote.refundCents })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('(70%)'),
    });

    const requote = (await caller.bookings.get({ bookingId })).cancellationQuote!;
    const cancelled = await caller.bookings.cancel({ bookingId, quotedRefundCents: requote.refundCents });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      refundedCents: requote.refundCents,
      cancellationQuote: null,
    });
    expect(requote.refundCents).toBe(Math.floor(paid.totalCents * 0.7));
    expect((await read().findOneOrFail(CatalogueLaunch, launch.id)).seatsLeft).toBe(seatsLeftPaid + 2);

    const again = await caller.bookings.cancel({ bookingId, quotedRefundCents: requote.refundCents });
    expect(again.refunds).toHaveLength(1);
    expect((await read().findOneOrFail(CatalogueLaunch, launch.id)).seatsLeft).toBe(seatsLeftPaid + 2);
    expect(await world.stores.system.em.fork().count(SandboxPayment, { id: `refund:${bookingId}:cancellation` })).toBe(
      1,
    );
  });

  it('shows a traveler only their own bookings', async () => {
    const launch = await launchFarAhead(1, 5);
    const { bookingId } = await heldBooking(6, 1, launch, 200);
    expect((await traveler(6).bookings.mine()).map((booking) => booking.id)).toContain(bookingId);
    expect((await traveler(7).bookings.mine()).map((booking) => booking.id)).not.toContain(bookingId);
    await expect(traveler(7).bookings.get({ bookingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      traveler(7).bookings.pay({ bookingId, attemptKey: `pay-key-${++key}`, card: card(sandboxCards.succeeds) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
