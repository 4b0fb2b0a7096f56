/**
 * The one way a booking document changes after it is created: a conditional single-document update that
 * also bumps `version` and marks the change for sync, so no change can reach the database without its
 * sync message following (see Booking.syncPending).
 */
import type { BookingStatus } from '@astro/domain';
import { currentCorrelation } from '@astro/logging';
import { Booking, type BookingActor, type BookingStatusChange } from './booking.entity.ts';
import { bookingCollection } from './collections.ts';
import type { CustomerEntityManager } from './orm.ts';

export interface BookingChange {
  set?: Record<string, unknown>;
  unset?: string[];
  push?: Record<string, unknown>;
  /** A move through the status machine: the status is set and the step pushed onto the booking's history. */
  status?: { from: BookingStatus; to: BookingStatus; by: BookingActor; reason: string | null };
}

/** A step of a booking's history as it is kept, made at `now`. */
export const statusStep = (
  step: Pick<BookingStatusChange, 'from' | 'to' | 'by' | 'reason'>,
  now: Date,
): BookingStatusChange => ({ id: crypto.randomUUID(), ...step, at: now });

/** Applies `change` to the booking if it still matches `where`; true when it did. */
export async function changeBooking(
  em: CustomerEntityManager,
  where: Record<string, unknown> & { _id: string },
  change: BookingChange,
  now: Date,
): Promise<boolean> {
  const result = await bookingCollection(em).updateOne(where as never, updateOf(change, now));
  return result.modifiedCount === 1;
}

/**
 * changeBooking that answers with the booking as changed, in the same one command (findAndModify): a step that
 * needs the booking and must change it first reads nothing else. Null when the booking no longer matches `where`.
 */
export async function changeAndReadBooking(
  em: CustomerEntityManager,
  where: Record<string, unknown> & { _id: string },
  change: BookingChange,
  now: Date,
): Promise<Booking | null> {
  const changed = await bookingCollection(em).findOneAndUpdate(where as never, updateOf(change, now), {
    returnDocument: 'after',
  });
  return changed ? em.fork().map(Booking, changed) : null;
}

function updateOf(change: BookingChange, now: Date): Record<string, unknown> {
  const status = change.status;
  const update: Record<string, unknown> = {
    $set: {
      ...change.set,
      ...(status ? { status: status.to } : {}),
      syncPending: true,
      syncCorrelationId: currentCorrelation()?.correlationId ?? null,
      updatedAt: now,
    },
    $inc: { version: 1 },
  };
  if (change.unset?.length) update['$unset'] = Object.fromEntries(change.unset.map((field) => [field, '']));
  const push = { ...change.push, ...(status ? { statusHistory: statusStep(status, now) } : {}) };
  if (Object.keys(push).length) update['$push'] = push;
  return update;
}
