/**
 * Seat operations on a launch's catalogue document: taking, confirming and giving back. Each is one conditional
 * update (atomic per document), so the seat counts and the record of who holds seats always change together and
 * at most once.
 */
import { catalogueCollection, type CatalogueLaunch, type CustomerEntityManager } from '@astro/db/customer';
import { bookableStatuses, bookingCutoff } from '@astro/domain';

/**
 * Takes `seats` for a booking's hold, recording the hold with them: only while the launch takes bookings, has
 * the seats, and still sells them at the price the booking froze. False when any of that is no longer so.
 */
export async function takeSeats(
  em: CustomerEntityManager,
  now: Date,
  hold: {
    launch: Pick<CatalogueLaunch, 'id' | 'pricePerSeatCents'>;
    bookingId: string;
    seats: number;
    expiresAt: Date;
  },
): Promise<boolean> {
  const taken = await catalogueCollection(em).updateOne(
    {
      _id: hold.launch.id,
      status: { $in: [...bookableStatuses] },
      launchDate: { $gt: bookingCutoff(now) },
      seatsLeft: { $gte: hold.seats },
      // A suspended agency's launch sells nothing, however its copy was read before.
      salesPaused: { $ne: true },
      // The price frozen in the booking must be the price when the seats are taken.
      pricePerSeatCents: hold.launch.pricePerSeatCents,
    },
    {
      $inc: { seatsLeft: -hold.seats, seatsHeld: hold.seats },
      $set: { [`holds.${hold.bookingId}`]: { seats: hold.seats, expiresAt: hold.expiresAt } },
    },
  );
  return taken.modifiedCount === 1;
}

/** One update of a launch's seat counts, applied only while `recorded` is in its document: so at most once. */
async function moveSeats(
  em: CustomerEntityManager,
  launchId: string,
  recorded: string,
  update: Record<string, Record<string, unknown>>,
): Promise<boolean> {
  const moved = await catalogueCollection(em).updateOne({ _id: launchId, [recorded]: { $exists: true } }, update);
  return moved.modifiedCount === 1;
}

/**
 * Gives `seats` back, once: on sale again, or, while the launch holds seats beyond its rocket's capacity, out of
 * the launch first (its capacity shrinks towards the rocket's). Applied only while the excess is what it was judged
 * on, so a concurrent resize or release makes it judge again.
 */
async function giveSeatsBack(
  em: CustomerEntityManager,
  launchId: string,
  recorded: string,
  seats: number,
  from: 'seatsHeld' | 'seatsConfirmed',
): Promise<boolean> {
  const catalogue = catalogueCollection(em);
  // Most launches fit their rocket, so the first try assumes no excess and costs one write, no read.
  let excess = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const leaving = Math.min(Math.max(excess, 0), seats);
    const moved = await catalogue.updateOne(
      {
        _id: launchId,
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
      { _id: launchId, [recorded]: { $exists: true } },
      { projection: { seatsOverCapacity: 1 } },
    );
    if (!launch) return false;
    excess = launch.seatsOverCapacity ?? 0;
  }
  throw new Error(`The seats of launch ${launchId} kept changing while ${recorded} was being given back`);
}

/** Gives a hold's seats back, once. */
export const releaseHold = (em: CustomerEntityManager, launchId: string, bookingId: string, seats: number) =>
  giveSeatsBack(em, launchId, `holds.${bookingId}`, seats, 'seatsHeld');

/**
 * Turns a hold into confirmed seats, once, while the launch has neither flown nor been aborted: a payment whose
 * launch ended meanwhile confirms nothing (and is refunded).
 */
export async function confirmHeldSeats(em: CustomerEntityManager, launchId: string, bookingId: string, seats: number) {
  const moved = await catalogueCollection(em).updateOne(
    { _id: launchId, [`holds.${bookingId}`]: { $exists: true }, status: { $in: [...bookableStatuses] } },
    {
      $inc: { seatsHeld: -seats, seatsConfirmed: seats },
      $unset: { [`holds.${bookingId}`]: '' },
      $set: { [`confirmations.${bookingId}`]: seats },
    },
  );
  return moved.modifiedCount === 1;
}

/** Turns confirmed seats back into the hold they came from, once (a payment that could not be kept). */
export const unconfirmSeats = (
  em: CustomerEntityManager,
  launchId: string,
  bookingId: string,
  hold: { seats: number; expiresAt: Date },
) =>
  moveSeats(em, launchId, `confirmations.${bookingId}`, {
    $inc: { seatsHeld: hold.seats, seatsConfirmed: -hold.seats },
    $unset: { [`confirmations.${bookingId}`]: '' },
    $set: { [`holds.${bookingId}`]: hold },
  });

/** Gives a cancelled booking's seats back, once. */
export const releaseConfirmedSeats = (em: CustomerEntityManager, launchId: string, bookingId: string, seats: number) =>
  giveSeatsBack(em, launchId, `confirmations.${bookingId}`, seats, 'seatsConfirmed');

/** Whether a booking's seats are counted as confirmed on its launch. */
export async function holdsConfirmedSeats(em: CustomerEntityManager, launchId: string, bookingId: string) {
  const found = await catalogueCollection(em).countDocuments({
    _id: launchId,
    [`confirmations.${bookingId}`]: { $exists: true },
  });
  return found === 1;
}
