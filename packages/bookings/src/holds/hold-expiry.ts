import { Booking, changeBooking, type CustomerEntityManager } from '@astro/db/customer';
import { releaseHold } from '../seats/seats.ts';

/**
 * Ends lapsed holds: their seats come back and the booking becomes `expired`. A hold with a payment under way
 * waits for that payment to be settled (booking recovery does it). A booking whose process died before its
 * hold was complete is removed after a grace minute, its seats given back if it had taken any.
 * Safe to run twice, or on two hosts.
 */
export async function expireLapsedHolds(
  em: CustomerEntityManager,
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
