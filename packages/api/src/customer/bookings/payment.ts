/**
 * Paying for a held booking. Every step is one document write that can be repeated, so a process that dies
 * anywhere in between leaves a state that booking recovery finishes:
 *   1. the attempt is recorded on the booking (only one at a time; hold expiry waits for it);
 *   2. the gateway charges with a key made of the booking and the attempt (never twice for one key);
 *   3. the charge is noted on the attempt — if the attempt was abandoned meanwhile, the charge is refunded;
 *   4. the held seats become confirmed seats on the launch (once, keyed by booking);
 *   5. the booking becomes `confirmed` with its payment record.
 * A declined card ends the attempt and leaves the hold as it was.
 */
import {
  Booking,
  CatalogueLaunch,
  changeBooking,
  confirmHeldSeats,
  holdsConfirmedSeats,
  type PaymentAttempt,
  type PaymentRecord,
} from '@astro/db/customer';
import type { MongoEntityManager } from '@astro/db/system';
import { passengerProblems } from '@astro/domain';
import { cardProblems, type Card, type ChargeResult, type PaymentGateway } from '@astro/payments';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { CustomerContext } from '../context.ts';
import { bookingDetail, ownBooking, type BookingView } from './bookings.queries.ts';

export async function payForBooking(
  ctx: CustomerContext,
  input: { bookingId: string; card: Card; attemptKey: string },
): Promise<BookingView> {
  const booking = await ownBooking(ctx, input.bookingId);
  const answered = booking.payments.find((payment) => payment.attemptKey === input.attemptKey);
  if (answered) return answerOf(ctx, booking.id, answered);
  if (booking.paymentAttempt?.key === input.attemptKey) return settled(ctx, booking.id, input.attemptKey);
  if (booking.status === 'confirmed')
    throw new TRPCError({ code: 'CONFLICT', message: 'This booking is already paid.' });
  if (booking.status !== 'held')
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This booking can no longer be paid.' });
  const launch = await ctx.customerDb.fork().findOneOrFail(CatalogueLaunch, booking.launchId);
  if (launch.status === 'aborted' || launch.status === 'launched')
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `This launch was ${launch.status === 'aborted' ? 'aborted' : 'already flown'}, so nothing was charged.`,
    });
  const passengers = passengerProblems(booking.passengers, booking.seats, launch.launchDate);
  if (Object.keys(passengers).length) fieldProblems(passengers);
  const now = ctx.now();
  const card = cardProblems(input.card, now);
  if (Object.keys(card).length)
    fieldProblems(Object.fromEntries(Object.entries(card).map(([field, message]) => [`card.${field}`, message])));

  const attempt: PaymentAttempt = {
    key: input.attemptKey,
    gatewayKey: `${booking.id}:${input.attemptKey}`,
    chargeId: null,
    startedAt: now,
  };
  const claimed = await changeBooking(
    ctx.customerDb,
    { _id: booking.id, status: 'held', paymentAttempt: null, holdExpiresAt: { $gt: now } },
    { set: { paymentAttempt: attempt } },
    now,
  );
  if (!claimed) {
    const current = await ownBooking(ctx, booking.id);
    if (current.paymentAttempt?.key === input.attemptKey) return settled(ctx, booking.id, input.attemptKey);
    if (current.paymentAttempt)
      throw new TRPCError({ code: 'CONFLICT', message: 'A payment for this booking is already under way.' });
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Your hold has lapsed, so the seats were released and nothing was charged. Please book again.',
    });
  }

  let result: ChargeResult;
  try {
    result = await ctx.payments.charge({
      idempotencyKey: attempt.gatewayKey,
      amountCents: booking.totalCents,
      currency: booking.currency,
      card: input.card,
      description: `${booking.seats} seat(s) on ${launch.missionName}`,
    });
  } catch (error) {
    ctx.log.error('The payment provider did not answer', { bookingId: booking.id, error: String(error) });
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message:
        'The payment provider did not answer. Your seats stay held while we check with it: look at My bookings in a minute before paying again.',
    });
  }
  await settlePayment(ctx.customerDb, ctx.payments, { ...booking, paymentAttempt: attempt }, result, ctx.now());
  return answerOf(ctx, booking.id, {
    attemptKey: input.attemptKey,
    outcome: outcomeOf(result),
    message: messageOf(result),
  });
}

const outcomeOf = (result: ChargeResult): PaymentRecord['outcome'] =>
  result.outcome === 'succeeded' ? 'captured' : 'declined';
const messageOf = (result: ChargeResult) => (result.outcome === 'succeeded' ? null : result.message);

/** The same answer for the same attempt: the booking if it was charged, the decline again if not. */
async function answerOf(
  ctx: CustomerContext,
  bookingId: string,
  payment: Pick<PaymentRecord, 'attemptKey' | 'outcome' | 'message'>,
): Promise<BookingView> {
  const booking = await bookingDetail(ctx, bookingId);
  if (payment.outcome !== 'captured')
    throw new TRPCError({
      code: 'PAYMENT_REQUIRED',
      message: `${payment.message ?? 'The payment did not go through.'} ${
        booking.status === 'held' ? 'Your seats are still held.' : 'Nothing was charged.'
      }`,
    });
  return booking;
}

/** A repeated request for an attempt still under way waits for it to finish. */
async function settled(ctx: CustomerContext, bookingId: string, attemptKey: string): Promise<BookingView> {
  // Ownership is checked once; the loop only watches the booking.
  await ownBooking(ctx, bookingId);
  for (let wait = 0; wait < 100; wait++) {
    const booking = await ctx.customerDb.fork().findOneOrFail(Booking, bookingId);
    const payment = booking.payments.find((record) => record.attemptKey === attemptKey);
    if (payment) return answerOf(ctx, bookingId, payment);
    if (booking.paymentAttempt?.key !== attemptKey) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new TRPCError({
    code: 'TIMEOUT',
    message: 'This payment is still being processed. Look at My bookings in a minute before paying again.',
  });
}

/**
 * Steps 3–5 for a charge the gateway has answered: used right after charging and by booking recovery,
 * which asks the gateway for the answer an interrupted attempt got.
 */
export async function settlePayment(
  em: MongoEntityManager,
  gateway: PaymentGateway,
  booking: Booking & { paymentAttempt: PaymentAttempt },
  result: ChargeResult,
  now: Date,
): Promise<'confirmed' | 'declined' | 'refunded'> {
  const attempt = booking.paymentAttempt;
  const record = (outcome: PaymentRecord['outcome'], reference: string, message: string | null): PaymentRecord => ({
    id: crypto.randomUUID(),
    attemptKey: attempt.key,
    amountCents: booking.totalCents,
    gatewayReference: reference,
    outcome,
    message,
    at: now,
  });
  const thisAttempt = { _id: booking.id, 'paymentAttempt.key': attempt.key };
  if (result.outcome === 'declined') {
    await changeBooking(
      em,
      thisAttempt,
      { unset: ['paymentAttempt'], push: { payments: record('declined', attempt.gatewayKey, result.message) } },
      now,
    );
    return 'declined';
  }
  const noted = await changeBooking(
    em,
    { ...thisAttempt, 'paymentAttempt.chargeId': null },
    { set: { 'paymentAttempt.chargeId': result.chargeId } },
    now,
  );
  const current = await em.fork().findOneOrFail(Booking, booking.id);
  if (!noted && current.paymentAttempt?.chargeId !== result.chargeId) {
    // The attempt was given up (recovery found no charge) before this charge landed: give the money back.
    if (!current.payments.some((payment) => payment.gatewayReference === result.chargeId))
      await refundStrayCharge(em, gateway, current, result.chargeId, record('captured', result.chargeId, null), now);
    return 'refunded';
  }
  const seatsOurs =
    (await confirmHeldSeats(em, booking.launchId, booking.id, booking.seats)) ||
    (await holdsConfirmedSeats(em, booking.launchId, booking.id));
  if (!seatsOurs) {
    await refundStrayCharge(em, gateway, current, result.chargeId, record('captured', result.chargeId, null), now);
    return 'refunded';
  }
  await changeBooking(
    em,
    thisAttempt,
    {
      set: { holdExpiresAt: null },
      status: { from: 'held', to: 'confirmed', by: { kind: 'traveler' }, reason: 'Paid.' },
      unset: ['paymentAttempt'],
      push: { payments: record('captured', result.chargeId, null) },
    },
    now,
  );
  return 'confirmed';
}

/** A charge the booking cannot use (its seats are gone or its attempt was abandoned) is refunded in full. */
async function refundStrayCharge(
  em: MongoEntityManager,
  gateway: PaymentGateway,
  booking: Booking,
  chargeId: string,
  payment: PaymentRecord,
  now: Date,
): Promise<void> {
  const refund = await gateway.refund({
    idempotencyKey: `${chargeId}:stray`,
    chargeId,
    amountCents: payment.amountCents,
  });
  if (refund.outcome !== 'succeeded') throw new Error(`Refunding stray charge ${chargeId} failed: ${refund.message}`);
  const reason = 'The seats could not be confirmed, so the payment was refunded in full.';
  await changeBooking(
    em,
    { _id: booking.id, 'payments.gatewayReference': { $ne: chargeId } },
    {
      ...(booking.status === 'held' && booking.paymentAttempt?.chargeId === chargeId
        ? {
            set: { holdExpiresAt: null },
            status: { from: 'held', to: 'expired', by: { kind: 'system' }, reason },
            unset: ['paymentAttempt'],
          }
        : {}),
      push: {
        payments: payment,
        refunds: {
          id: crypto.randomUUID(),
          amountCents: payment.amountCents,
          gatewayReference: refund.refundId,
          reason,
          at: now,
          by: { kind: 'system' },
        },
      },
    },
    now,
  );
}
