/**
 * A booking's ledger and status history in the Operational DB, from the records the Customer DB sends with every
 * change (`booking.changed`). Each record is written once, under its Customer DB id, so applying a version twice or
 * an older version after a newer one adds nothing; the copy's paid and refunded sums are the ledger's.
 */
import { capturedCentsOf, refundedCentsOf } from '@astro/domain';
import type { BookingActor, BookingChanged } from '../sync/booking-changed.ts';
import { BookingCopy, BookingLedgerEntry, BookingStatusEntry } from './booking-copy.entity.ts';
import type { OperationalEntityManager } from './orm.ts';

type BookingRecords = Pick<BookingChanged, 'currency' | 'payments' | 'refunds'> & {
  statusHistory?: BookingChanged['statusHistory'] | null;
};

const actorColumns = (by: BookingActor | null | undefined) => ({
  actor: by?.kind ?? null,
  actorEmail: by?.kind === 'employee' ? by.email : null,
});

/** The rows a booking's records make: captured payments and refunds for the ledger, and every status change. */
export function bookingRecordsOf(bookingId: string, booking: BookingRecords) {
  const ledger = [
    ...booking.payments
      // Declined and failed attempts moved no money.
      .filter((payment) => payment.outcome === 'captured')
      .map((payment) => ({
        id: payment.id,
        booking: bookingId,
        kind: 'payment' as const,
        amountCents: payment.amountCents,
        currency: booking.currency,
        gatewayReference: payment.gatewayReference,
        reason: null,
        // Only the traveler pays.
        ...actorColumns({ kind: 'traveler' }),
        at: payment.at,
      })),
    ...booking.refunds.map((refund) => ({
      id: refund.id,
      booking: bookingId,
      kind: 'refund' as const,
      amountCents: refund.amountCents,
      currency: booking.currency,
      gatewayReference: refund.gatewayReference,
      reason: refund.reason,
      ...actorColumns(refund.by),
      at: refund.at,
    })),
  ];
  const statusHistory = (booking.statusHistory ?? []).map((change) => ({
    id: change.id,
    booking: bookingId,
    fromStatus: change.from,
    toStatus: change.to,
    ...actorColumns(change.by),
    reason: change.reason,
    at: change.at,
  }));
  return { ledger, statusHistory };
}

/** What the ledger adds up to, by the same rule the traveler and the desk see (`@astro/domain`). */
export function ledgerSums(entries: readonly Pick<BookingLedgerEntry, 'kind' | 'amountCents'>[]) {
  // Every payment in the ledger was captured: that is what puts it there.
  const payments = entries
    .filter((entry) => entry.kind === 'payment')
    .map((entry) => ({ ...entry, outcome: 'captured' }));
  const refunds = entries.filter((entry) => entry.kind === 'refund');
  return { paidCents: capturedCentsOf({ payments }), refundedCents: refundedCentsOf({ refunds }) };
}

/**
 * Writes the booking's records its copy does not have yet, inside the caller's transaction (the copy must exist),
 * and sets the copy's sums from its whole ledger. Answers those sums.
 */
export async function recordBookingRecords(
  em: OperationalEntityManager,
  bookingId: string,
  booking: BookingRecords,
): Promise<{ paidCents: number; refundedCents: number }> {
  const { ledger, statusHistory } = bookingRecordsOf(bookingId, booking);
  if (ledger.length) await em.createQueryBuilder(BookingLedgerEntry).insert(ledger).onConflict('id').ignore().execute();
  if (statusHistory.length)
    await em.createQueryBuilder(BookingStatusEntry).insert(statusHistory).onConflict('id').ignore().execute();
  const entries = await em.find(BookingLedgerEntry, { booking: bookingId }, { fields: ['kind', 'amountCents'] });
  const sums = ledgerSums(entries);
  await em.nativeUpdate(BookingCopy, { id: bookingId }, sums);
  return sums;
}
