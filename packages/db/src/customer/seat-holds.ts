/**
 * Seat operations on a launch's catalogue document. Each is one conditional update (atomic per document), so
 * the seat counts and the record of who holds seats always change together and at most once.
 */
import type { MongoEntityManager } from '../mongo.ts';
import { Booking } from './booking.entity.ts';
import { CatalogueLaunch } from './catalogue-launch.entity.ts';

const catalogueOf = (em: MongoEntityManager) =>
  em.getConnection().getCollection(em.getMetadata().get(CatalogueLaunch).collection);

/** Gives a hold's seats back, once: the update applies only while the hold is still recorded. */
export async function releaseHold(
  em: MongoEntityManager,
  launchId: string,
  bookingId: string,
  seats: number,
): Promise<boolean> {
  const released = await catalogueOf(em).updateOne(
    { _id: launchId as never, [`holds.${bookingId}`]: { $exists: true } },
    { $inc: { seatsLeft: seats, seatsHeld: -seats }, $unset: { [`holds.${bookingId}`]: '' } },
  );
  return released.modifiedCount === 1;
}

/**
 * Ends lapsed holds: their seats come back and the booking becomes `expired`. A booking that never got its
 * seats (its process died in between) is removed after a grace minute. Safe to run twice, or on two hosts.
 */
export async function expireLapsedHolds(
  em: MongoEntityManager,
  now: Date,
): Promise<{ expired: number; abandoned: number }> {
  const lapsed = await em.find(Booking, { status: 'held', holdExpiresAt: { $lt: now } }, { limit: 500 });
  let expired = 0;
  for (const booking of lapsed) {
    await releaseHold(em, booking.launchId, booking.id, booking.seats);
    expired += await em.nativeUpdate(
      Booking,
      { id: booking.id, status: 'held' },
      { status: 'expired', holdExpiresAt: null, version: booking.version + 1 },
    );
  }
  const abandoned = await em.nativeDelete(Booking, {
    status: 'held',
    holdExpiresAt: null,
    createdAt: { $lt: new Date(now.getTime() - 60_000) },
  });
  return { expired, abandoned };
}
