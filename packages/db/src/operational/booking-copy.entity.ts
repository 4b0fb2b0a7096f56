import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { bookingStatuses, currencies } from '@astro/domain';
import { bookingActorKinds, type EmergencyContact, type Passenger } from '../sync/booking-changed.ts';
import { Launch } from './launch.entity.ts';

/**
 * The Operational DB's copy of a booking, which the Customer DB owns. Suppliers read manifests and
 * employees read bookings from here; only the sync job writes it, with its ledger and status history below.
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
    /** How the desk reaches the traveler, as their profile said at the booking's last change; null when not given. */
    customerPhone: p.string().length(40).nullable(),
    customerEmergencyContact: p.json<EmergencyContact>().nullable(),
    seats: p.integer(),
    passengers: p.json<Passenger[]>(),
    unitPriceCents: p.bigint('number'),
    totalCents: p.bigint('number'),
    currency: p.enum(currencies).default('USD'),
    status: p.enum(bookingStatuses),
    /** Captured by the payment provider, and given back, in cents: the sums of its BookingLedgerEntry rows. */
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

export const ledgerEntryKinds = ['payment', 'refund'] as const;

/** Who caused a ledger entry or a status change: null only for records kept before who was kept. */
const actor = () => ({
  actor: p.enum(bookingActorKinds).nullable(),
  /** The employee's e-mail when `actor` is `employee`; null otherwise. */
  actorEmail: p.string().length(254).nullable(),
});

/**
 * Money that moved for a booking: a payment captured or a refund given, as the Customer DB recorded it. Written by
 * the sync job only, once per record (its id is the Customer DB record's), never changed.
 */
export const BookingLedgerEntry = defineEntity({
  name: 'BookingLedgerEntry',
  tableName: 'booking_ledger_entry',
  indexes: [
    { name: 'booking_ledger_entry_booking_at_index', properties: ['booking', 'at'] },
    // The finance report sums every agency's ledger by the month money moved: a period's rows, not the whole ledger.
    { name: 'booking_ledger_entry_at_index', properties: ['at'] },
  ],
  checks: [{ name: 'booking_ledger_entry_amount_check', expression: 'amount_cents >= 0' }],
  properties: {
    /** The id of the payment or refund record in the Customer DB. */
    id: p.uuid().primary(),
    booking: () => p.manyToOne(BookingCopy),
    kind: p.enum(ledgerEntryKinds),
    amountCents: p.bigint('number'),
    currency: p.enum(currencies),
    /** The payment provider's charge or refund id. */
    gatewayReference: p.string().length(200),
    /** Why a refund was given; null for payments. */
    reason: p.text().nullable(),
    ...actor(),
    at: p.datetime(),
  },
});
export type BookingLedgerEntry = InferEntity<typeof BookingLedgerEntry>;

/** One step of a booking through its status machine, with who and why, as the Customer DB recorded it. */
export const BookingStatusEntry = defineEntity({
  name: 'BookingStatusEntry',
  tableName: 'booking_status_entry',
  indexes: [{ name: 'booking_status_entry_booking_at_index', properties: ['booking', 'at'] }],
  properties: {
    /** The id of the history entry in the Customer DB. */
    id: p.uuid().primary(),
    booking: () => p.manyToOne(BookingCopy),
    /** Null for the first step, the hold. */
    fromStatus: p.enum(bookingStatuses).nullable(),
    toStatus: p.enum(bookingStatuses),
    ...actor(),
    reason: p.text().nullable(),
    at: p.datetime(),
  },
});
export type BookingStatusEntry = InferEntity<typeof BookingStatusEntry>;
