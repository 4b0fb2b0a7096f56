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
  type Customer,
  type CustomerEntityManager,
  type PaymentAttempt,
  type PaymentRecord,
} from '@astro/db/customer';
import { passengerProblems, Problem } from '@astro/domain';
import { cardProblems, type Card, type ChargeResult, type PaymentGateway } from '@astro/payments';
import type { BookingDeps } from '../booking-deps.ts';
import { confirmHeldSeats, holdsConfirmedSeats } from '../seats/seats.ts';
import { bookingDetail, ownBooking, type BookingView } from '../view/booking-view.ts';

export async function payForBooking(
  deps: BookingDeps,
  traveler: Customer,
  input: { bookingId: string; card: Card; attemptKey: string },
): Promise<BookingView> {
  const booking = await ownBooking(deps, traveler, input.bookingId);
  const answered = booking.payments.find((payment) => payment.attemptKey === input.attemptKey);
  if (answered) return answerOf(deps, traveler, booking.id, answered);
  if (booking.paymentAttempt?.key === input.attemptKey) return settled(deps, traveler, booking.id, input.attemptKey);
  if (booking.status === 'confirmed') throw new Problem('conflict', 'This booking is already paid.');
  if (booking.status !== 'held') throw new Problem('wrong_state', 'This booking can no longer be paid.');
  const launch = await deps.customerDb.fork().findOneOrFail(CatalogueLaunch, booking.launchId);
  if (launch.status === 'aborted' || launch.status === 'launched')
    throw new Problem(
      'wrong_state',
      `This launch was ${launch.status === 'aborted' ? 'aborted' : 'already flown'}, so nothing was charged.`,
    );
  const passengers = passengerProblems(booking.passengers, booking.seats, launch.launchDate);
  if (Object.keys(passengers).length) throw Problem.invalid(passengers);
  const now = deps.now();
  const card = cardProblems(input.card, now);
  if (Object.keys(card).length)
    throw Problem.invalid(
      Object.fromEntries(Object.entries(card).map(([field, message]) => [`card.${field}`, message])),
    );

  const attempt: PaymentAttempt = {
    key: input.attemptKey,
    gatewayKey: `${booking.id}:${input.attemptKey}`,
    chargeId: null,
    startedAt: now,
  };
  const claimed = await changeBooking(
    deps.customerDb,
    { _id: booking.id, status: 'held', paymentAttempt: null, holdExpiresAt: { $gt: now } },
    { set: { paymentAttempt: attempt } },
    now,
  );
  if (!claimed) {
    const current = await ownBooking(deps, traveler, booking.id);
    if (current.paymentAttempt?.key === input.attemptKey) return settled(deps, traveler, booking.id, input.attemptKey);
    if (current.paymentAttempt) throw new Problem('conflict', 'A payment for this booking is already under way.');
    throw new Problem(
      'wrong_state',
      'Your hold has lapsed, so the seats were released and nothing was charged. Please book again.',
    );
  }

  let result: ChargeResult;
  try {
    result = await deps.payments.charge({
      idempotencyKey: attempt.gatewayKey,
      amountCents: booking.totalCents,
      currency: booking.currency,
      card: input.card,
      description: `${booking.seats} seat(s) on ${launch.missionName}`,
    });
  } catch (error) {
    deps.log.error('The payment provider did not answer', { bookingId: booking.id, error: String(error) });
    throw new Problem(
      'unavailable',
      'The payment provider did not answer. Your seats stay held while we check with it: look at My bookings in a minute before paying again.',
    );
  }
  await settlePayment(deps.customerDb, deps.payments, { ...booking, paymentAttempt: attempt }, result, deps.now());
  return answerOf(deps, traveler, booking.id, {
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
  deps: BookingDeps,
  traveler: Customer,
  bookingId: string,
  payment: Pick<PaymentRecord, 'attemptKey' | 'outcome' | 'message'>,
): Promise<BookingView> {
  const booking = await bookingDetail(deps, traveler, bookingId);
  if (payment.outcome !== 'captured')
    throw new Problem(
      'payment_declined',
      `${payment.message ?? 'The payment did not go through.'} ${
        booking.status === 'held' ? 'Your seats are still held.' : 'Nothing was charged.'
      }`,
    );
  return booking;
}

/** A repeated request for an attempt still under way waits for it to finish. */
async function settled(
  deps: BookingDeps,
  traveler: Customer,
  bookingId: string,
  attemptKey: string,
): Promise<BookingView> {
  // Ownership is checked once; the loop only watches the booking.
  await ownBooking(deps, traveler, bookingId);
  for (let wait = 0; wait < 100; wait++) {
    const booking = await deps.customerDb.fork().findOneOrFail(Booking, bookingId);
    const payment = booking.payments.find((record) => record.attemptKey === attemptKey);
    if (payment) return answerOf(deps, traveler, bookingId, payment);
    if (booking.paymentAttempt?.key !== attemptKey) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Problem(
    'timeout',
    'This payment is still being processed. Look at My bookings in a minute before paying again.',
  );
}

/**
 * Steps 3–5 for a charge the gateway has answered: used right after charging and by booking recovery,
 * which asks the gateway for the answer an interrupted attempt got.
 */
export async function settlePayment(
  em: CustomerEntityManager,
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
  em: CustomerEntityManager,
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
