/**
 * Cancelling a confirmed booking. The refund is quoted first and frozen on the booking when the customer
 * confirms; then the seats come back (once), the gateway refunds (once per booking), and the booking becomes
 * `cancelled`. A process that dies in between leaves the frozen cancellation for booking recovery to finish.
 */
import {
  Booking,
  CatalogueLaunch,
  cancelledBy,
  changeBooking,
  type Customer,
  type CustomerEntityManager,
  type PendingCancellation,
} from '@astro/db/customer';
import type { Fence } from '@astro/db/system';
import type { BookingCancellationCommand } from '@astro/db/sync';
import { formatMoney, money, paidCentsOf, Problem } from '@astro/domain';
import type { PaymentGateway } from '@astro/payments';
import type { BookingDeps } from '../booking-deps.ts';
import { releaseConfirmedSeats, releaseHold } from '../seats/seats.ts';
import { bookingDetail, cancellationTermsOf, ownBooking, type BookingView } from '../view/booking-view.ts';

export async function cancelBooking(
  deps: BookingDeps,
  traveler: Customer,
  input: { bookingId: string; quotedRefundCents: number },
): Promise<BookingView> {
  const booking = await ownBooking(deps, traveler, input.bookingId);
  if (booking.status === 'cancelled' || booking.cancellation) return alreadyCancelled(deps, traveler, booking);
  if (booking.status !== 'confirmed')
    throw new Problem('wrong_state', 'Only a confirmed booking can be cancelled; an unpaid hold simply lapses.');
  const now = deps.now();
  const launch = await deps.customerDb.fork().findOne(CatalogueLaunch, booking.launchId);
  const terms = cancellationTermsOf(booking, launch, now);
  if (!terms)
    throw new Problem(
      'wrong_state',
      'This launch is no longer in the catalogue, so the refund cannot be quoted. Please contact support.',
    );
  if (!terms.cancellable) throw new Problem('wrong_state', terms.because);
  const { quote } = terms;
  if (quote.refundCents !== input.quotedRefundCents)
    throw new Problem(
      'conflict',
      `The refund is now ${formatMoney(money(quote.refundCents, booking.currency))} (${quote.percent}%): ${quote.because} Please confirm again.`,
    );
  const cancellation: PendingCancellation = {
    refundCents: quote.refundCents,
    percent: quote.percent,
    reason: `Cancelled by the customer: ${quote.percent}% refund. ${quote.because}`,
    by: 'customer',
    requestedAt: now,
  };
  const claimed = await changeBooking(
    deps.customerDb,
    { _id: booking.id, status: 'confirmed', cancellation: null },
    { set: { cancellation } },
    now,
  );
  if (!claimed) return alreadyCancelled(deps, traveler, await ownBooking(deps, traveler, booking.id));
  await finishCancellation(deps.customerDb, deps.payments, { ...booking, cancellation }, now);
  deps.log.info('Booking cancelled', { bookingId: booking.id, refundCents: quote.refundCents });
  return bookingDetail(deps, traveler, booking.id);
}

/** Cancelling twice is cancelling once: a cancellation under way is finished, a finished one shown. */
async function alreadyCancelled(deps: BookingDeps, traveler: Customer, booking: Booking): Promise<BookingView> {
  if (booking.cancellation) await finishCancellation(deps.customerDb, deps.payments, booking, deps.now());
  else if (booking.status !== 'cancelled')
    throw new Problem('conflict', 'This booking has just changed. Please look at it again.');
  return bookingDetail(deps, traveler, booking.id);
}

/** The steps after the refund is frozen; each happens at most once however often this runs. */
export async function finishCancellation(
  em: CustomerEntityManager,
  gateway: PaymentGateway,
  booking: Booking,
  now: Date,
): Promise<void> {
  const cancellation = booking.cancellation;
  if (!cancellation) return;
  await releaseConfirmedSeats(em, booking.launchId, booking.id, booking.seats);
  const charge = booking.payments.find((payment) => payment.outcome === 'captured');
  let reference: string | null = null;
  if (cancellation.refundCents > 0 && charge) {
    const refund = await gateway.refund({
      idempotencyKey: `${booking.id}:cancellation`,
      chargeId: charge.gatewayReference,
      amountCents: cancellation.refundCents,
    });
    if (refund.outcome !== 'succeeded')
      throw new Problem(
        'unavailable',
        'The refund could not be made just now. Your cancellation is recorded and the refund will be retried.',
      );
    reference = refund.refundId;
  }
  await changeBooking(
    em,
    { _id: booking.id, status: 'confirmed', cancellation: { $ne: null } },
    {
      status: { from: 'confirmed', to: 'cancelled', by: cancelledBy(cancellation), reason: cancellation.reason },
      unset: ['cancellation'],
      ...(reference
        ? {
            push: {
              refunds: {
                id: crypto.randomUUID(),
                amountCents: cancellation.refundCents,
                gatewayReference: reference,
                reason: cancellation.reason,
                at: now,
                by: cancelledBy(cancellation),
              },
            },
          }
        : {}),
    },
    now,
  );
}

/**
 * An aborted launch cancels its bookings with everything refunded (SPEC.md §3). The abort reaches the Customer
 * DB as a catalogue change; this pass, run by a job, does the rest, and is safe to repeat or interrupt: a run that
 * lost its lease (its fence throws) stops before the next booking and leaves it to the next run.
 */
export async function cancelBookingsOfAbortedLaunches(
  em: CustomerEntityManager,
  gateway: PaymentGateway,
  now: Date,
  fence: Fence,
): Promise<{ cancelled: number; released: number }> {
  // What the refund rule reads, and no more: every aborted launch ever is read each pass, seat records and all.
  const aborted = await em.find(
    CatalogueLaunch,
    { status: 'aborted' },
    { fields: ['id', 'status', 'launchDate', 'statusHistory'] },
  );
  if (aborted.length === 0) return { cancelled: 0, released: 0 };
  const launches = new Map(aborted.map((launch) => [launch.id, launch]));
  const bookings = await em.find(
    Booking,
    { launchId: { $in: aborted.map((launch) => launch.id) }, status: { $in: ['held', 'confirmed'] } },
    { limit: 200 },
  );
  let cancelled = 0;
  let released = 0;
  for (const booking of bookings) {
    if (booking.status === 'held') {
      // A payment under way is settled first (booking recovery); the next pass cancels what it confirmed.
      if (booking.paymentAttempt) continue;
      await fence.assert();
      await releaseHold(em, booking.launchId, booking.id, booking.seats);
      await changeBooking(
        em,
        { _id: booking.id, status: 'held', paymentAttempt: null },
        {
          set: { holdExpiresAt: null },
          status: { from: 'held', to: 'expired', by: { kind: 'system' }, reason: 'The launch was aborted.' },
        },
        now,
      );
      released++;
      continue;
    }
    // The policy gives back everything paid for an aborted launch.
    const terms = cancellationTermsOf(booking, launches.get(booking.launchId) ?? null, now);
    if (!terms?.cancellable) continue;
    await fence.assert();
    const cancellation: PendingCancellation = booking.cancellation ?? {
      refundCents: terms.quote.refundCents,
      percent: terms.quote.percent,
      reason: terms.quote.because,
      by: 'system',
      requestedAt: now,
    };
    if (!booking.cancellation)
      await changeBooking(
        em,
        { _id: booking.id, status: 'confirmed', cancellation: null },
        { set: { cancellation } },
        now,
      );
    await finishCancellation(em, gateway, { ...booking, cancellation }, now);
    cancelled++;
  }
  return { cancelled, released };
}

/**
 * An employee's cancellation, arriving as a command from the Operational DB (admin bookings.cancel). The
 * refund is what finance or an admin set, or else the policy's; a booking no longer confirmed is left alone,
 * and one the policy no longer lets anyone cancel (its launch has flown) is refused, saying why.
 */
export async function cancelOnEmployeeRequest(
  em: CustomerEntityManager,
  gateway: PaymentGateway,
  bookingId: string,
  command: BookingCancellationCommand,
  now: Date,
): Promise<'applied' | 'stale' | { refused: string }> {
  const booking = await em.fork().findOne(Booking, bookingId);
  if (!booking) throw new Error(`Booking ${bookingId} is not in the Customer DB`);
  if (booking.cancellation) {
    await finishCancellation(em, gateway, booking, now);
    return 'applied';
  }
  if (booking.status !== 'confirmed') return 'stale';
  const terms = cancellationTermsOf(booking, await em.fork().findOne(CatalogueLaunch, booking.launchId), now);
  if (terms && !terms.cancellable) return { refused: terms.because };
  const paid = paidCentsOf(booking);
  const refundCents = command.refundCents ?? terms?.quote.refundCents ?? 0;
  const cancellation: PendingCancellation = {
    refundCents: Math.min(refundCents, paid),
    percent: paid > 0 ? Math.round((Math.min(refundCents, paid) / paid) * 100) : 0,
    reason: `Cancelled by Astro Bookings (${command.requestedBy}): ${command.reason}`,
    by: 'support',
    requestedBy: command.requestedBy,
    requestedAt: now,
  };
  const claimed = await changeBooking(
    em,
    { _id: booking.id, status: 'confirmed', cancellation: null },
    { set: { cancellation } },
    now,
  );
  if (!claimed) return cancelOnEmployeeRequest(em, gateway, bookingId, command, now);
  await finishCancellation(em, gateway, { ...booking, cancellation }, now);
  return 'applied';
}
