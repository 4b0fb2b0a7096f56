/**
 * Paying for a held booking. Every step is one document write that can be repeated, so a process that dies
 * anywhere in between leaves a state that booking recovery finishes:
 *   1. the attempt is recorded on the booking (only one at a time; hold expiry waits for it), in the write that
 *      also reads the booking;
 *   2. the gateway charges with a key made of the booking and the attempt (never twice for one key); recovery
 *      asks the gateway for that key's answer, so the charge needs no note of its own on the booking;
 *   3. the held seats become confirmed seats on the launch (once, keyed by booking);
 *   4. the booking becomes `confirmed` with its payment record, only while the attempt is still its own — if the
 *      attempt was abandoned meanwhile, the seats go back and the charge is refunded.
 * A declined card ends the attempt and leaves the hold as it was. Five commands when all goes well: the claim, the
 * launch (a copy seconds old, see recent-launches.ts), the charge, the seats, the confirmation.
 */
import {
  Booking,
  changeAndReadBooking,
  changeBooking,
  type CatalogueLaunch,
  type Customer,
  type CustomerEntityManager,
  type PaymentAttempt,
  type PaymentRecord,
} from '@astro/db/customer';
import { passengerProblems, Problem } from '@astro/domain';
import { cardProblems, type Card, type ChargeResult, type PaymentGateway } from '@astro/payments';
import type { BookingDeps } from '../booking-deps.ts';
import { recentLaunch } from '../recent/recent-launches.ts';
import { confirmHeldSeats, holdsConfirmedSeats, releaseConfirmedSeats, unconfirmSeats } from '../seats/seats.ts';
import { bookingDetail, bookingViewOf, ownBooking, type BookingView } from '../view/booking-view.ts';

export async function payForBooking(
  deps: BookingDeps,
  traveler: Customer,
  input: { bookingId: string; card: Card; attemptKey: string },
): Promise<BookingView> {
  const now = deps.now();
  const attempt: PaymentAttempt = {
    key: input.attemptKey,
    gatewayKey: `${input.bookingId}:${input.attemptKey}`,
    chargeId: null,
    startedAt: now,
  };
  // 1. The claim comes first and answers with the booking: one write instead of a read and a write. Whatever it
  // does not match (someone else's booking, a repeated or concurrent attempt, a lapsed hold) is told apart after.
  const claimed = await changeAndReadBooking(
    deps.customerDb,
    {
      _id: input.bookingId,
      customerId: traveler.id,
      status: 'held',
      paymentAttempt: null,
      holdExpiresAt: { $gt: now },
    },
    { set: { paymentAttempt: attempt } },
    now,
  );
  if (!claimed) return unclaimed(deps, traveler, input);
  const booking = claimed as Booking & { paymentAttempt: PaymentAttempt };
  const release = () =>
    changeBooking(
      deps.customerDb,
      { _id: booking.id, 'paymentAttempt.key': attempt.key, 'paymentAttempt.chargeId': null },
      { unset: ['paymentAttempt'] },
      now,
    );
  // An attempt answered before (a declined card), sent again: the same answer, and no second try.
  const answered = booking.payments.find((payment) => payment.attemptKey === input.attemptKey);
  if (answered) {
    await release();
    return answerOf(deps, traveler, booking.id, answered);
  }
  let launch: CatalogueLaunch;
  try {
    launch = checkedForPayment(booking, await recentLaunch(deps.customerDb, booking.launchId), input.card, now);
  } catch (problem) {
    // Refused before the gateway was asked: the claim goes, as if it had not been made.
    await release();
    throw problem;
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
  const settled = await settle(deps.customerDb, deps.payments, booking, result, deps.now());
  if (settled.outcome === 'declined') throw declined(messageOf(result), 'held');
  // A charge that could not be kept was refunded: the booking as it is now says so.
  if (settled.outcome === 'refunded') return bookingDetail(deps, traveler, booking.id);
  return bookingViewOf(settled.booking, launch, deps.now());
}

/** The launch a held booking is paid for, once the booking may be paid: else the Problem a traveler can act on. */
function checkedForPayment(booking: Booking, launch: CatalogueLaunch | null, card: Card, now: Date): CatalogueLaunch {
  if (!launch) throw new Problem('not_found', 'This launch is no longer in the catalogue, so nothing was charged.');
  if (launch.status === 'aborted' || launch.status === 'launched')
    throw new Problem(
      'wrong_state',
      `This launch was ${launch.status === 'aborted' ? 'aborted' : 'already flown'}, so nothing was charged.`,
    );
  const passengers = passengerProblems(booking.passengers, booking.seats, launch.launchDate);
  if (Object.keys(passengers).length) throw Problem.invalid(passengers);
  const problems = cardProblems(card, now);
  if (Object.keys(problems).length)
    throw Problem.invalid(
      Object.fromEntries(Object.entries(problems).map(([field, message]) => [`card.${field}`, message])),
    );
  return launch;
}

/** Why the claim did not match, from the booking as it is: the earlier answer, a wait, or a refusal. */
async function unclaimed(
  deps: BookingDeps,
  traveler: Customer,
  input: { bookingId: string; attemptKey: string },
): Promise<BookingView> {
  const booking = await ownBooking(deps, traveler, input.bookingId);
  const answered = booking.payments.find((payment) => payment.attemptKey === input.attemptKey);
  if (answered) return answerOf(deps, traveler, booking.id, answered);
  if (booking.paymentAttempt?.key === input.attemptKey) return settled(deps, traveler, booking.id, input.attemptKey);
  if (booking.status === 'confirmed') throw new Problem('conflict', 'This booking is already paid.');
  if (booking.status !== 'held') throw new Problem('wrong_state', 'This booking can no longer be paid.');
  if (booking.paymentAttempt) throw new Problem('conflict', 'A payment for this booking is already under way.');
  throw new Problem(
    'wrong_state',
    'Your hold has lapsed, so the seats were released and nothing was charged. Please book again.',
  );
}

const messageOf = (result: ChargeResult) => (result.outcome === 'succeeded' ? null : result.message);

const declined = (message: string | null, status: Booking['status']) =>
  new Problem(
    'payment_declined',
    `${message ?? 'The payment did not go through.'} ${status === 'held' ? 'Your seats are still held.' : 'Nothing was charged.'}`,
  );

/** The same answer for the same attempt: the booking if it was charged, the decline again if not. */
async function answerOf(
  deps: BookingDeps,
  traveler: Customer,
  bookingId: string,
  payment: Pick<PaymentRecord, 'attemptKey' | 'outcome' | 'message'>,
): Promise<BookingView> {
  const booking = await bookingDetail(deps, traveler, bookingId);
  if (payment.outcome !== 'captured') throw declined(payment.message, booking.status);
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
  return (await settle(em, gateway, booking, result, now)).outcome;
}

/** settlePayment, with the booking as it now is (as written, so the traveler's answer needs no read). */
async function settle(
  em: CustomerEntityManager,
  gateway: PaymentGateway,
  booking: Booking & { paymentAttempt: PaymentAttempt },
  result: ChargeResult,
  now: Date,
): Promise<{ outcome: 'confirmed' | 'declined' | 'refunded'; booking: Booking }> {
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
    const payment = record('declined', attempt.gatewayKey, result.message);
    await changeBooking(em, thisAttempt, { unset: ['paymentAttempt'], push: { payments: payment } }, now);
    return {
      outcome: 'declined',
      booking: { ...booking, paymentAttempt: null, payments: [...booking.payments, payment] },
    };
  }
  const payment = record('captured', result.chargeId, null);
  const seatsOurs =
    (await confirmHeldSeats(em, booking.launchId, booking.id, booking.seats)) ||
    (await holdsConfirmedSeats(em, booking.launchId, booking.id));
  if (!seatsOurs) {
    const current = await em.fork().findOneOrFail(Booking, booking.id);
    // Still this attempt's booking: it ends with the refund (its seats are gone).
    const charged = current.paymentAttempt?.key === attempt.key;
    await refundStrayCharge(
      em,
      gateway,
      charged ? { ...current, paymentAttempt: { ...attempt, chargeId: result.chargeId } } : current,
      result.chargeId,
      payment,
      now,
    );
    return { outcome: 'refunded', booking: current };
  }
  // The booking is confirmed only while the attempt is still its own: the write that says so is the last step.
  const confirmed = await changeBooking(
    em,
    thisAttempt,
    {
      set: { holdExpiresAt: null },
      status: { from: 'held', to: 'confirmed', by: { kind: 'traveler' }, reason: 'Paid.' },
      unset: ['paymentAttempt'],
      push: { payments: payment },
    },
    now,
  );
  if (confirmed)
    return {
      outcome: 'confirmed',
      booking: {
        ...booking,
        status: 'confirmed',
        holdExpiresAt: null,
        paymentAttempt: null,
        payments: [...booking.payments, payment],
      },
    };
  const current = await em.fork().findOneOrFail(Booking, booking.id);
  // Another run settled this very charge first (recovery and a slow request): its outcome stands.
  if (current.payments.some((settled) => settled.gatewayReference === result.chargeId))
    return { outcome: current.status === 'confirmed' ? 'confirmed' : 'refunded', booking: current };
  // The attempt was given up (recovery found no charge) before this charge landed: the seats go back where they
  // were (the hold, or on sale if it has ended) and the money back to the card.
  if (current.status === 'held')
    await unconfirmSeats(em, booking.launchId, booking.id, {
      seats: booking.seats,
      expiresAt: current.holdExpiresAt ?? now,
    });
  else await releaseConfirmedSeats(em, booking.launchId, booking.id, booking.seats);
  await refundStrayCharge(em, gateway, current, result.chargeId, payment, now);
  return { outcome: 'refunded', booking: current };
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
