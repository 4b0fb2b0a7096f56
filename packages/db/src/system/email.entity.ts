import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

export const emailStatuses = ['pending', 'sent', 'failed'] as const;

/** An e-mail waiting in (or gone through) the outbox. `dedupeKey` (event + recipient) makes each e-mail unique. */
export const Email = defineEntity({
  name: 'Email',
  collection: 'email_outbox',
  // `status, sentAt`: the retention job's query, sent e-mails by age.
  // `bookingId, createdAt`: the bookings desk's list of what a booking's traveler and agency were sent.
  indexes: [
    { properties: ['status', 'availableAt'] },
    { properties: ['status', 'sentAt'] },
    { properties: ['bookingId', 'createdAt'] },
  ],
  properties: {
    id: documentKey(),
    dedupeKey: p.string().unique(),
    event: p.string(),
    recipient: p.string(),
    template: p.string(),
    /** The booking an e-mail is about (a confirmation, a cancellation, a lapsed hold …); null for any other. */
    bookingId: p.string().nullable(),
    templateData: p.json<Record<string, unknown>>(),
    status: p.enum(emailStatuses).default('pending'),
    attempts: p.integer().default(0),
    availableAt: p.datetime(),
    /** The sender delivering it now: two senders never deliver the same e-mail at once. */
    claimedBy: p.string().nullable(),
    claimedUntil: p.datetime().nullable(),
    smtpMessageId: p.string().nullable(),
    lastError: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  },
});
export type Email = InferEntity<typeof Email>;
