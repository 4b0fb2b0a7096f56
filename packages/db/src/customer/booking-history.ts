/**
 * Bookings made before their status history was kept get one rebuilt from their own records, as a change of the
 * booking: its sync message then carries the history, payments and refunds, so its Operational DB copy gains its
 * ledger and history like any copy (the replay of issue 12's backfill). Run when the stores are prepared; once every
 * booking's history starts at its hold, it finds nothing to do.
 */
import type { BookingStatus } from '@astro/domain';
import { Booking, type BookingStatusChange } from './booking.entity.ts';
import { changeBooking } from './booking-changes.ts';
import { bookingCollection } from './collections.ts';
import type { CustomerEntityManager } from './orm.ts';

/** The statuses a booking passes through to reach each one. */
const pathTo: Record<BookingStatus, BookingStatus[]> = {
  held: ['held'],
  confirmed: ['held', 'confirmed'],
  cancelled: ['held', 'confirmed', 'cancelled'],
  expired: ['held', 'expired'],
};

type Records = Pick<Booking, 'createdAt' | 'updatedAt' | 'idempotencyKey' | 'payments' | 'refunds'>;

/** The step into `status` as the booking's records tell it (who is null where they do not say). */
function stepInto(booking: Records, from: BookingStatus | null, to: BookingStatus): Omit<BookingStatusChange, 'id'> {
  const lastRefund = booking.refunds.at(-1);
  switch (to) {
    case 'held':
      return booking.idempotencyKey.startsWith('waiting-list:')
        ? {
            from,
            to,
            at: booking.createdAt,
            by: { kind: 'system' },
            reason: 'Seats came back to the first on the waiting list: a priority hold.',
          }
        : { from, to, at: booking.createdAt, by: { kind: 'traveler' }, reason: null };
    case 'confirmed': {
      const paid = booking.payments.find((payment) => payment.outcome === 'captured');
      return { from, to, at: paid?.at ?? booking.createdAt, by: { kind: 'traveler' }, reason: 'Paid.' };
    }
    case 'cancelled':
      return {
        from,
        to,
        at: lastRefund?.at ?? booking.updatedAt,
        by: lastRefund?.by ?? null,
        reason: lastRefund?.reason ?? null,
      };
    case 'expired':
      // Only the system ends a hold (it lapsed, its launch was aborted, or its payment came too late).
      return { from, to, at: booking.updatedAt, by: { kind: 'system' }, reason: lastRefund?.reason ?? null };
  }
}

/** The steps missing before a booking's first recorded one (or before its current status, with none recorded). */
export function missingSteps(booking: Records & Pick<Booking, 'status' | 'statusHistory'>): BookingStatusChange[] {
  const recorded = booking.statusHistory ?? [];
  const reached = recorded.length ? recorded[0]!.from : booking.status;
  if (reached === null) return [];
  return pathTo[reached].map((status, index, path) => ({
    id: crypto.randomUUID(),
    ...stepInto(booking, path[index - 1] ?? null, status),
  }));
}

/** Gives every booking whose history does not start at its hold the steps it lacks; answers how many changed. */
export async function completeBookingHistories(em: CustomerEntityManager, now: Date, batch = 500): Promise<number> {
  let completed = 0;
  for (;;) {
    // Read by the driver itself: the ORM does not pass a path into an array (`statusHistory.0`) through.
    const ids = await bookingCollection(em)
      .find(
        {
          $or: [{ statusHistory: null }, { 'statusHistory.0.from': { $ne: null } }],
          // A booking still taking its seats is not a booking yet: it gets its history when it is made.
          $nor: [{ status: 'held', holdExpiresAt: null }],
        },
        { projection: { _id: 1 }, limit: batch },
      )
      .map((document) => String(document._id))
      .toArray();
    if (ids.length === 0) return completed;
    const incomplete = await em.fork().find(Booking, { id: { $in: ids } });
    for (const booking of incomplete) {
      // Applied only to the version it was rebuilt from: a booking changed meanwhile is rebuilt in the next round.
      const changed = await changeBooking(
        em,
        { _id: booking.id, version: booking.version },
        { set: { statusHistory: [...missingSteps(booking), ...(booking.statusHistory ?? [])] } },
        now,
      );
      if (changed) completed++;
    }
  }
}
