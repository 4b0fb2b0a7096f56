/** Sync messages on the e2e system, set up in the System DB as the Operational DB would record them. */
import { expect } from '@playwright/test';
import { bookingCollection, openCustomerDb } from '@astro/db/customer';
import { openSystemDb, SyncMessage, syncMessageCollection } from '@astro/db/system';
import { e2eServices } from './services.ts';

/** The sync job gives a message this many attempts (`maxAttempts` of @astro/jobs) before it dead-letters it. */
const attemptsBeforeDeadLetter = 8;

async function withStores<T>(
  use: (stores: {
    system: Awaited<ReturnType<typeof openSystemDb>>;
    customer: Awaited<ReturnType<typeof openCustomerDb>>;
  }) => Promise<T>,
): Promise<T> {
  const { mongoUrl } = await e2eServices();
  const [system, customer] = await Promise.all([
    openSystemDb(mongoUrl, 'astro_system'),
    openCustomerDb(mongoUrl, 'astro_customer'),
  ]);
  try {
    return await use({ system, customer });
  } finally {
    await Promise.all([system.close(), customer.close()]);
  }
}

/**
 * A dead letter the running sync job makes itself: an employee's cancellation of a booking the Customer DB does not
 * have, as a Customer DB restored from a backup older than the booking would lack it. The command has used all but
 * its last attempt (rather than the test waiting out minutes of backoff); the job tries once more, fails ("not in
 * the Customer DB") and gives up. `restoreBooking` is the fix: the booking, a cancelled one, is back, so a replay
 * applies (the booking is cancelled already: nothing more to do).
 */
export async function deadLetterOfMissingBooking(): Promise<{ messageId: string; bookingId: string }> {
  const messageId = crypto.randomUUID();
  const bookingId = crypto.randomUUID();
  await withStores(async ({ system }) => {
    const now = new Date();
    await syncMessageCollection(system.em.fork()).insertOne({
      _id: messageId,
      kind: 'booking.cancel',
      source: 'operational',
      target: 'customer',
      entityType: 'booking',
      entityId: bookingId,
      entityVersion: 1,
      payload: { reason: 'The launch date no longer suits the traveler', refundCents: null, requestedBy: 'e2e' },
      status: 'pending',
      attempts: attemptsBeforeDeadLetter - 1,
      availableAt: now,
      claimedBy: null,
      claimedUntil: null,
      lastError: `Booking ${bookingId} is not in the Customer DB`,
      correlationId: null,
      createdAt: new Date(now.getTime() - 5 * 60_000),
      appliedAt: null,
      appliedBy: null,
    });
    await expect
      .poll(async () => (await system.em.fork().findOneOrFail(SyncMessage, messageId)).status, {
        message: 'the sync job gives the cancellation of a missing booking up',
        timeout: 30_000,
      })
      .toBe('dead');
  });
  return { messageId, bookingId };
}

/**
 * Puts the booking back in the Customer DB: a copy of a cancelled booking of the demo world under the missing id,
 * for a customer of its own (no traveler sees it) and already told to the Operational DB (no new copy is made).
 */
export async function restoreBooking(bookingId: string): Promise<void> {
  await withStores(async ({ customer }) => {
    const bookings = bookingCollection(customer.em.fork());
    const cancelled = await bookings.findOne({ status: 'cancelled' });
    expect(cancelled, 'a cancelled booking in the demo world to copy').not.toBeNull();
    await bookings.insertOne({
      ...cancelled!,
      _id: bookingId,
      customerId: crypto.randomUUID(),
      cancellation: null,
      syncPending: false,
    });
  });
}
