import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey, timestamps } from '../properties.ts';
import { bookingStatuses, currencies } from '@astro/domain';
import type {
  BookingActor,
  BookingStatusChange,
  Passenger,
  PaymentRecord,
  RefundRecord,
} from '../sync/booking-changed.ts';

// A booking's passengers, payments, refunds and history travel to its copy as they are kept here: the sync contract
// defines them.
export type { BookingActor, BookingStatusChange, Passenger, PaymentRecord, RefundRecord };

/**
 * A payment under way: written before the gateway is asked, so a process that dies mid-payment leaves a
 * trace that recovery can complete (the gateway answers the same key the same way) and that hold expiry
 * leaves alone until it is resolved.
 */
export interface PaymentAttempt {
  /** The customer's key for this attempt (one per press of "Pay"). */
  key: string;
  /** The key the gateway sees: the booking and the attempt, so no other booking can reuse it. */
  gatewayKey: string;
  /** Set as soon as the gateway reports the charge, before the seats are confirmed. */
  chargeId: string | null;
  startedAt: Date;
}

/** A cancellation under way, with its refund frozen at the moment the customer confirmed the quote. */
export interface PendingCancellation {
  refundCents: number;
  percent: number;
  /** Why, as the refund record will say it. */
  reason: string;
  by: 'customer' | 'support' | 'system';
  /** The employee who asked, for the desk's cancellations; absent from those frozen before it was kept. */
  requestedBy?: string;
  requestedAt: Date;
}

/** Who a cancellation's refund and status change are recorded as caused by. */
export function cancelledBy(cancellation: PendingCancellation): BookingActor {
  if (cancellation.by === 'customer') return { kind: 'traveler' };
  if (cancellation.by === 'support' && cancellation.requestedBy)
    return { kind: 'employee', email: cancellation.requestedBy };
  // A desk cancellation frozen before the employee was kept still names them in its reason.
  return { kind: 'system' };
}

/** A booking is owned here; the Operational DB keeps a copy that the sync job maintains. */
export const Booking = defineEntity({
  name: 'Booking',
  collection: 'bookings',
  indexes: [
    { properties: ['customerId', 'createdAt'] },
    { properties: ['launchId', 'status'] },
    { properties: ['status', 'holdExpiresAt'] },
    { properties: ['syncPending'] },
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
    /** How long the hold was given (a normal hold or a waiting-list priority hold), to tell the traveler. */
    holdMinutes: p.integer().nullable(),
    payments: p.json<PaymentRecord[]>(),
    refunds: p.json<RefundRecord[]>(),
    idempotencyKey: p.string(),
    paymentAttempt: p.json<PaymentAttempt>().nullable(),
    cancellation: p.json<PendingCancellation>().nullable(),
    /**
     * Every status change, oldest first, with who and why; pushed by changeBooking with the change itself. Absent on
     * bookings made before it was kept, until completeBookingHistories rebuilds it from their records.
     */
    statusHistory: p.json<BookingStatusChange[]>().nullable(),
    /** Bumped on every change so the Operational DB copy applies changes in order. */
    version: p.integer().default(1),
    /**
     * Set with every change and cleared once that version's sync message is recorded: the Customer DB has no
     * transactions, so the change and the flag are one document write and a crash can never lose a message.
     */
    syncPending: p.boolean().default(true),
    /** The correlation id of the request (or job run) that made the pending change; its sync message carries it. */
    syncCorrelationId: p.string().nullable(),
    ...timestamps(),
  },
});
export type Booking = InferEntity<typeof Booking>;

/** A booking still taking its seats (or whose process died before it could): not a booking anyone sees yet. */
export const takingSeats = (booking: Pick<Booking, 'status' | 'holdExpiresAt'>): boolean =>
  booking.status === 'held' && !booking.holdExpiresAt;
