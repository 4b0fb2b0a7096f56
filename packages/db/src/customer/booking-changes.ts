/**
 * The one way a booking document changes after it is created: a conditional single-document update that
 * also bumps `version` and marks the change for sync, so no change can reach the database without its
 * sync message following (see Booking.syncPending).
 */
import { bookingCollection } from './collections.ts';
import type { CustomerEntityManager } from './orm.ts';

export interface BookingChange {
  set?: Record<string, unknown>;
  unset?: string[];
  push?: Record<string, unknown>;
}

/** Applies `change` to the booking if it still matches `where`; true when it did. */
export async function changeBooking(
  em: CustomerEntityManager,
  where: Record<string, unknown> & { _id: string },
  change: BookingChange,
  now: Date,
): Promise<boolean> {
  const update: Record<string, unknown> = {
    $set: { ...change.set, syncPending: true, updatedAt: now },
    $inc: { version: 1 },
  };
  if (change.unset?.length) update['$unset'] = Object.fromEntries(change.unset.map((field) => [field, '']));
  if (change.push) update['$push'] = change.push;
  const result = await bookingCollection(em).updateOne(where as never, update);
  return result.modifiedCount === 1;
}
