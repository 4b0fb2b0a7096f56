import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { bookingStatuses, currencies } from '@astro/domain';
import type { Passenger } from '../sync/booking-changed.ts';
import { Launch } from './launch.entity.ts';

/**
 * The Operational DB's copy of a booking, which the Customer DB owns. Suppliers read manifests and
 * employees read bookings from here; only the sync job writes it.
 */
export const BookingCopy = defineEntity({
  name: 'BookingCopy',
  tableName: 'booking_copy',
  properties: {
    /** The id of the booking in the Customer DB. */
    id: p.uuid().primary(),
    launch: () => p.manyToOne(Launch).index(),
    customerId: p.uuid().index(),
    customerName: p.string().length(200),
    customerEmail: p.string().length(254),
    seats: p.integer(),
    passengers: p.json<Passenger[]>(),
    unitPriceCents: p.bigint('number'),
    totalCents: p.bigint('number'),
    currency: p.enum(currencies).default('USD'),
    status: p.enum(bookingStatuses),
    /** Captured by the payment provider, and given back, in cents (the Customer DB keeps each record). */
    paidCents: p.bigint('number').default(0),
    refundedCents: p.bigint('number').default(0),
    /** The Customer DB's version of the booking this copy reflects. */
    version: p.integer(),
    bookedAt: p.datetime(),
    syncedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type BookingCopy = InferEntity<typeof BookingCopy>;
