import { idFromKey } from '../properties.ts';
import { emailOutboxCollection } from './collections.ts';
import type { SystemEntityManager } from './orm.ts';

export interface OutgoingEmail {
  /** One e-mail per key, however often it is queued (e.g. `hold-expired:<booking id>`). */
  dedupeKey: string;
  event: string;
  recipient: string;
  template: string;
  data: Record<string, unknown>;
  /** The booking it is about, so the bookings desk finds it by an index. */
  bookingId?: string;
}

/** Puts an e-mail in the outbox once: queuing it again with the same key changes nothing. */
export async function queueEmail(systemDb: SystemEntityManager, email: OutgoingEmail, now: Date): Promise<void> {
  await emailOutboxCollection(systemDb)
    .updateOne(
      // By primary key: found at once however long the outbox grows.
      { _id: idFromKey(email.dedupeKey) as never },
      {
        $setOnInsert: {
          dedupeKey: email.dedupeKey,
          event: email.event,
          recipient: email.recipient,
          template: email.template,
          bookingId: email.bookingId ?? null,
          templateData: email.data,
          status: 'pending',
          attempts: 0,
          availableAt: now,
          claimedBy: null,
          claimedUntil: null,
          smtpMessageId: null,
          lastError: null,
          createdAt: now,
          sentAt: null,
        },
      },
      { upsert: true },
    )
    .catch((error: { code?: number }) => {
      // Two queuers at the same moment: the unique key keeps one.
      if (error.code !== 11000) throw error;
    });
}
