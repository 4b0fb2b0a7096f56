import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey, timestamps } from '../properties.ts';
import { bookingStatuses, currencies } from '@astro/domain';

export interface Passenger {
  name: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string;
}

export interface PaymentRecord {
  id: string;
  amountCents: number;
  gatewayReference: string;
  outcome: 'captured' | 'declined' | 'failed';
  message: string | null;
  at: Date;
}

export interface RefundRecord {
  id: string;
  amountCents: number;
  gatewayReference: string;
  reason: string;
  at: Date;
}

/** A booking is owned here; the Operational DB keeps a copy that the sync job maintains. */
export const Booking = defineEntity({
  name: 'Booking',
  collection: 'bookings',
  indexes: [
    { properties: ['customerId', 'createdAt'] },
    { properties: ['launchId', 'status'] },
    { properties: ['status', 'holdExpiresAt'] },
  ],
  uniques: [{ properties: ['customerId', 'idempotencyKey'] }],
  properties: {
    id: documentKey(),
    launchId: p.uuid(),
    customerId: p.uuid(),
    seats: p.integer(),
    passengers: p.json<Passenger[]>(),
    /** Frozen when the hold is placed: a later price change never touches this booking. */
    unitPriceCents: p.integer(),
    totalCents: p.integer(),
    currency: p.enum(currencies),
    status: p.enum(bookingStatuses),
    holdExpiresAt: p.datetime().nullable(),
    payments: p.json<PaymentRecord[]>(),
    refunds: p.json<RefundRecord[]>(),
    idempotencyKey: p.string(),
    /** Bumped on every change so the Operational DB copy applies changes in order. */
    version: p.integer().default(1),
    ...timestamps(),
  },
});
export type Booking = InferEntity<typeof Booking>;
