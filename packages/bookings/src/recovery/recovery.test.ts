import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch, catalogueCollection, changeBooking, type PaymentAttempt } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { SandboxPayment, unfenced } from '@astro/db/system';
import { sandboxCards, sandboxGateway, type PaymentGateway } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { expireLapsedHolds } from '../holds/hold-expiry.ts';
import { settlePayment } from '../payment/payment.ts';
import { confirmHeldSeats } from '../seats/seats.ts';
import { traveler as travelerNumber } from '../travelers.test-support.ts';
import { resumeInterruptedBookings } from './recovery.ts';

const minute = 60_000;
const card = { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' };

describe('a host killed between the steps of a booking', () => {
  let world: TestStores;
  let gateway: PaymentGateway;
  let n = 0;
  const em = () => world.stores.customer.em.fork();
  const ledger = () => world.stores.system.em.fork();
  const launchOf = (id: string) => em().findOneOrFail(CatalogueLaunch, id);

  /** A held booking with its passengers, on a launch far enough ahead to book today. */
  async function heldBooking(seats = 2) {
    n++;
    const caller = travelerNumber(world, n);
    const [launch] = await em().find(
      CatalogueLaunch,
      { status: { $in: ['scheduled', 'confirmed'] }, seatsLeft: { $gte: seats } },
      { orderBy: { launchDate: 'desc' }, limit: 1, offset: n },
    );
    const { bookingId } = await caller.hold({
      launchId: launch!.id,
      seats,
      idempotencyKey: `doomed-${n}-hold`,
    });
    await caller.passengers({
      bookingId,
      passengers: Array.from({ length: seats }, (_, i) => ({
        name: `Passenger ${i}`,
        birthDate: '1980-05-0' + (i + 1),
      })),
    });
    return { caller, bookingId, launch: await launchOf(launch!.id), traveler: `traveler-${n}`, seats };
  }

  function runHostThatDies(env: Record<string, string>): Promise<NodeJS.Signals | null> {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./pay-then-die.test-support.ts', import.meta.url))], {
      env: {
        ...process.env,
        MONGO_URL: world.config.customerMongoUrl,
        CUSTOMER_DB_NAME: world.config.customerDbName,
        SYSTEM_DB_NAME: world.config.systemDbName,
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  }
  const recoverAt = (msLater: number) =>
    resumeInterruptedBookings(em(), gateway, new Date(Date.now() + msLater), unfenced);
  const chargesOf = (bookingId: string) => ledger().count(SandboxPayment, { id: new RegExp(`^charge:${bookingId}`) });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    gateway = sandboxGateway(world.stores.system);
  });
  afterAll(() => world.drop());

  it('killed before the charge: nothing is charged, and the seats come back when the hold lapses', async () => {
    const { bookingId, launch, traveler } = await heldBooking();
    expect(await runHostThatDies({ KILL_AT: 'before-charge', BOOKING_ID: bookingId, TRAVELER: traveler })).toBe(
      'SIGKILL',
    );
    expect((await em().findOneOrFail(Booking, bookingId)).paymentAttempt).toMatchObject({ chargeId: null });

    // Hold expiry leaves a payment under way alone, even past the hold's end...
    await expireLapsedHolds(em(), new Date(Date.now() + 11 * minute));
    expect(await em().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'held' });
    // ...until recovery finds the gateway never saw it and drops the attempt; then the hold lapses as usual.
    expect(await recoverAt(3 * minute)).toMatchObject({ payments: 1 });
    await expireLapsedHolds(em(), new Date(Date.now() + 11 * minute));
    expect(await em().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'expired', payments: [] });
    expect(await chargesOf(bookingId)).toBe(0);
    expect((await launchOf(launch.id)).seatsLeft).toBe(launch.seatsLeft + 2);
  });

  it('killed after the charge: recovery confirms the booking with that one charge', async () => {
    const { bookingId, launch, traveler } = await heldBooking();
    expect(await runHostThatDies({ KILL_AT: 'after-charge', BOOKING_ID: bookingId, TRAVELER: traveler })).toBe(
      'SIGKILL',
    );
    expect(await em().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'held' });
    expect(await chargesOf(bookingId)).toBe(1);

    await recoverAt(3 * minute);
    await recoverAt(4 * minute);
    const booking = await em().findOneOrFail(Booking, bookingId);
    expect(booking.status).toBe('confirmed');
    expect(booking.paymentAttempt).toBeFalsy();
    expect(booking.payments.filter((payment) => payment.outcome === 'captured')).toHaveLength(1);
    const after = await launchOf(launch.id);
    expect(after.confirmations[bookingId]).toBe(2);
    expect(after.seatsConfirmed).toBe(launch.seatsConfirmed + 2);
    expect(after.seatsHeld).toBe(launch.seatsHeld - 2);
    expect(await chargesOf(bookingId)).toBe(1);
  });

  it('stopped after the seats were confirmed: recovery confirms the booking without counting the seats twice', async () => {
    const { bookingId, launch } = await heldBooking();
    const booking = await em().findOneOrFail(Booking, bookingId);
    const attempt: PaymentAttempt = {
      key: 'cut-off',
      gatewayKey: `${bookingId}:cut-off`,
      chargeId: null,
      startedAt: new Date(),
    };
    await changeBooking(em(), { _id: bookingId }, { set: { paymentAttempt: attempt } }, new Date());
    const charge = await gateway.charge({
      idempotencyKey: attempt.gatewayKey,
      amountCents: booking.totalCents,
      currency: 'USD',
      card,
      description: 'Seats',
    });
    if (charge.outcome !== 'succeeded') throw new Error('the sandbox declined a good card');
    await changeBooking(em(), { _id: bookingId }, { set: { 'paymentAttempt.chargeId': charge.chargeId } }, new Date());
    await confirmHeldSeats(em(), launch.id, bookingId, 2);

    await recoverAt(3 * minute);
    expect(await em().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'confirmed' });
    expect((await launchOf(launch.id)).seatsConfirmed).toBe(launch.seatsConfirmed + 2);
  });

  it('refunds a charge that lands after recovery gave its attempt up', async () => {
    const { bookingId } = await heldBooking(1);
    const booking = await em().findOneOrFail(Booking, bookingId);
    const attempt: PaymentAttempt = {
      key: 'slow',
      gatewayKey: `${bookingId}:slow`,
      chargeId: null,
      startedAt: new Date(),
    };
    await changeBooking(em(), { _id: bookingId }, { set: { paymentAttempt: attempt } }, new Date());
    await recoverAt(3 * minute);
    const late = await gateway.charge({
      idempotencyKey: attempt.gatewayKey,
      amountCents: booking.totalCents,
      currency: 'USD',
      card,
      description: 'Seats',
    });
    expect(await settlePayment(em(), gateway, { ...booking, paymentAttempt: attempt }, late, new Date())).toBe(
      'refunded',
    );
    const after = await em().findOneOrFail(Booking, bookingId);
    expect(after.status).toBe('held');
    expect(after.refunds).toEqual([expect.objectContaining({ amountCents: booking.totalCents })]);
  });

  it('killed after refunding a cancellation: recovery finishes it, with one refund and the seats back once', async () => {
    const { caller, bookingId, launch, traveler } = await heldBooking();
    await caller.pay({ bookingId, attemptKey: 'paid-before-cancelling', card });
    const quote = (await caller.booking(bookingId)).cancellationQuote!;
    const signal = await runHostThatDies({
      KILL_AT: 'after-refund',
      BOOKING_ID: bookingId,
      TRAVELER: traveler,
      QUOTED_REFUND_CENTS: String(quote.refundCents),
    });
    expect(signal).toBe('SIGKILL');
    expect(await em().findOneOrFail(Booking, bookingId)).toMatchObject({ status: 'confirmed', refunds: [] });

    await recoverAt(3 * minute);
    await recoverAt(4 * minute);
    const booking = await em().findOneOrFail(Booking, bookingId);
    expect(booking.status).toBe('cancelled');
    expect(booking.cancellation).toBeFalsy();
    expect(booking.refunds).toEqual([expect.objectContaining({ amountCents: quote.refundCents })]);
    // `launch` was read while the two seats were held: they are free again, once.
    expect((await launchOf(launch.id)).seatsLeft).toBe(launch.seatsLeft + 2);
    expect(await ledger().count(SandboxPayment, { id: new RegExp(`^refund:${bookingId}`) })).toBe(1);
  });

  it('killed after taking seats but before the hold was complete: the seats come back and the booking goes', async () => {
    const { launch } = await heldBooking(1);
    const orphan = em().create(Booking, {
      launchId: launch.id,
      customerId: 'killed-mid-hold',
      seats: 3,
      passengers: [],
      unitPriceCents: 1,
      totalCents: 3,
      currency: 'USD',
      status: 'held',
      holdExpiresAt: null,
      payments: [],
      refunds: [],
      idempotencyKey: 'killed-mid-hold',
    });
    await em().persist(orphan).flush();
    await catalogueCollection(em()).updateOne(
      { _id: launch.id },
      {
        $inc: { seatsLeft: -3, seatsHeld: 3 },
        $set: { [`holds.${orphan.id}`]: { seats: 3, expiresAt: new Date() } },
      },
    );
    await expireLapsedHolds(em(), new Date(Date.now() + 2 * minute));
    expect(await em().findOne(Booking, orphan.id)).toBeNull();
    const after = await launchOf(launch.id);
    expect(after.seatsLeft).toBe(launch.seatsLeft);
    expect(after.holds[orphan.id]).toBeUndefined();
  });
});
