/**
 * Seat operations on a launch's catalogue document. Each is one conditional update (atomic per document), so
 * the seat counts and the record of who holds seats always change together and at most once.
 */
import type { MongoEntityManager } from '../mongo.ts';
import { Booking } from './booking.entity.ts';
import { changeBooking } from './booking-changes.ts';
import { CatalogueLaunch } from './catalogue-launch.entity.ts';

const catalogueOf = (em: MongoEntityManager) =>
  em.getConnection().getCollection(em.getMetadata().get(CatalogueLaunch).collection);

/** One update of a launch's seat counts, applied only while `recorded` is in its document: so at most once. */
async function moveSeats(
  em: MongoEntityManager,
  launchId: string,
  recorded: string,
  update: Record<string, Record<string, unknown>>,
): Promise<boolean> {
  const moved = await catalogueOf(em).updateOne({ _id: launchId as never, [recorded]: { $exists: true } }, update);
  return moved.modifiedCount === 1;
}

/**
 * Gives `seats` back, once: on sale again, or, while the launch holds seats beyond its rocket's capacity, out of
 * the launch first (its capacity shrinks towards the rocket's). Applied only while the excess is what it was judged
 * on, so a concurrent resize or release makes it judge again.
 */
async function giveSeatsBack(
  em: MongoEntityManager,
  launchId: string,
  recorded: string,
  seats: number,
  from: 'seatsHeld' | 'seatsConfirmed',
): Promise<boolean> {
  const catalogue = catalogueOf(em);
  // Most launches fit their rocket, so the first try assumes no excess and costs one write, no read.
  let excess = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const leaving = Math.min(Math.max(excess, 0), seats);
    const moved = await catalogue.updateOne(
      {
        _id: launchId as never,
        [recorded]: { $exists: true },
        ...(excess > 0
          ? { seatsOverCapacity: excess }
          : { $or: [{ seatsOverCapacity: null }, { seatsOverCapacity: { $lte: 0 } }] }),
      },
      {
        $inc: { [from]: -seats, seatsLeft: seats - leaving, capacity: -leaving, seatsOverCapacity: -leaving },
        $unset: { [recorded]: '' },
      },
    );
    if (moved.modifiedCount === 1) return true;
    const launch = await catalogue.findOne<{ seatsOverCapacity?: number | null }>(
      { _id: launchId as never, [recorded]: { $exists: true } },
      { projection: { seatsOverCapacity: 1 } },
    );
    if (!launch) return false;
    excess = launch.seatsOverCapacity ?? 0;
  }
  throw new Error(`The seats of launch ${launchId} kept changing while ${recorded} was being given back`);
}

/** Gives a hold's seats back, once. */
export const releaseHold = (em: MongoEntityManager, launchId: string, bookingId: string, seats: number) =>
  giveSeatsBack(em, launchId, `holds.${bookingId}`, seats, 'seatsHeld');

/** Turns a hold into confirmed seats, once. */
export const confirmHeldSeats = (em: MongoEntityManager, launchId: string, bookingId: string, seats: number) =>
  moveSeats(em, launchId, `holds.${bookingId}`, {
    $inc: { seatsHeld: -seats, seatsConfirmed: seats },
    $unset: { [`holds.${bookingId}`]: '' },
    $set: { [`confirmations.${bookingId}`]: seats },
  });

/** Gives a cancelled booking's seats back, once. */
export const releaseConfirmedSeats = (em: MongoEntityManager, launchId: string, bookingId: string, seats: number) =>
  giveSeatsBack(em, launchId, `confirmations.${bookingId}`, seats, 'seatsConfirmed');

/** Whether a booking's seats are counted as confirmed on its launch. */
export async function holdsConfirmedSeats(em: MongoEntityManager, launchId: string, bookingId: string) {
  const found = await catalogueOf(em).countDocuments({
    _id: launchId as never,
    [`confirmations.${bookingId}`]: { $exists: true },
  });
  return found === 1;
}

/**
 * Ends lapsed holds: their seats come back and the booking becomes `expired`. A hold with a payment under way
 * waits for that payment to be settled (booking recovery does it). A booking whose process died before its
 * hold was complete is removed after a grace minute, its seats given back if it had taken any.
 * Safe to run twice, or on two hosts.
 */
export async function expireLapsedHolds(
  em: MongoEntityManager,
  now: Date,
  /** Told before each hold ends (so a crash in between tells twice, never not at all): must be idempotent. */
  beforeExpiring: (booking: Booking) => Promise<void> = async () => {},
): Promise<{ expired: number; abandoned: number }> {
  const lapsed = await em.find(
    Booking,
    { status: 'held', holdExpiresAt: { $lt: now }, paymentAttempt: null },
    { limit: 500 },
  );
  let expired = 0;
  for (const booking of lapsed) {
    await beforeExpiring(booking);
    await releaseHold(em, booking.launchId, booking.id, booking.seats);
    const ended = await changeBooking(
      em,
      { _id: booking.id, status: 'held', paymentAttempt: null },
      {
        set: { holdExpiresAt: null },
        status: { from: 'held', to: 'expired', by: { kind: 'system' }, reason: 'The hold lapsed before it was paid.' },
      },
      now,
    );
    if (ended) expired++;
  }
  const unfinished = await em.find(
    Booking,
    { status: 'held', holdExpiresAt: null, createdAt: { $lt: new Date(now.getTime() - 60_000) } },
    { limit: 500 },
  );
  let abandoned = 0;
  for (const booking of unfinished) {
    await releaseHold(em, booking.launchId, booking.id, booking.seats);
    abandoned += await em.nativeDelete(Booking, { id: booking.id, status: 'held', holdExpiresAt: null });
  }
  return { expired, abandoned };
}
