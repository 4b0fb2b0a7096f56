import { z } from 'zod';
import { bookingStatuses, currencies } from '@astro/domain';
import { moment } from './moment.ts';

export const passenger = z.object({
  name: z.string(),
  /** ISO date (YYYY-MM-DD). */
  birthDate: z.string(),
});
export type Passenger = z.infer<typeof passenger>;

/** Whom to call for a traveler who cannot be reached (SPEC.md §3 Customer). */
export const emergencyContact = z.object({ name: z.string(), phone: z.string(), relationship: z.string() });
export type EmergencyContact = z.infer<typeof emergencyContact>;

export const paymentRecord = z.object({
  id: z.string(),
  /** The customer's key for the attempt that made it: a repeated request gets the same answer. */
  attemptKey: z.string().optional(),
  amountCents: z.int().nonnegative(),
  gatewayReference: z.string(),
  outcome: z.enum(['captured', 'declined', 'failed']),
  message: z.string().nullable(),
  at: moment,
});
export type PaymentRecord = z.infer<typeof paymentRecord>;

/** Who moved a booking or its money: the traveler, an employee (by e-mail), or the system (a job, a policy). */
export const bookingActorKinds = ['traveler', 'employee', 'system'] as const;
export const bookingActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('traveler') }),
  z.object({ kind: z.literal('employee'), email: z.string() }),
  z.object({ kind: z.literal('system') }),
]);
export type BookingActor = z.infer<typeof bookingActor>;

export const refundRecord = z.object({
  id: z.string(),
  amountCents: z.int().nonnegative(),
  gatewayReference: z.string(),
  reason: z.string(),
  at: moment,
  /** Who caused the refund; absent from refunds given before it was kept. */
  by: bookingActor.optional(),
});
export type RefundRecord = z.infer<typeof refundRecord>;

/** One step of a booking through its status machine (held → confirmed → cancelled, held → expired). */
export const bookingStatusChange = z.object({
  id: z.string(),
  /** Null for the first step, the hold. */
  from: z.enum(bookingStatuses).nullable(),
  to: z.enum(bookingStatuses),
  at: moment,
  /** Null only in a history rebuilt for a booking made before who was kept, where the records do not say. */
  by: bookingActor.nullable(),
  reason: z.string().nullable(),
});
export type BookingStatusChange = z.infer<typeof bookingStatusChange>;

/**
 * `booking.changed`: a booking as the Customer DB holds it after a change, with its traveler, for the copy in the
 * Operational DB. One message per version of the booking.
 */
export const bookingChanged = z.object({
  launchId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  customerEmail: z.string(),
  /** Absent from messages recorded before the e-mails were written in the traveler's time zone. */
  customerTimeZone: z.string().optional(),
  /**
   * How the desk reaches the traveler, null when not given; both absent from messages recorded before the copy
   * carried them.
   */
  customerPhone: z.string().nullable().optional(),
  customerEmergencyContact: emergencyContact.nullable().optional(),
  seats: z.int().nonnegative(),
  passengers: z.array(passenger),
  unitPriceCents: z.int().nonnegative(),
  totalCents: z.int().nonnegative(),
  currency: z.enum(currencies),
  status: z.enum(bookingStatuses),
  payments: z.array(paymentRecord),
  refunds: z.array(refundRecord),
  /** Every status change, oldest first; absent from messages recorded before the history was kept. */
  statusHistory: z.array(bookingStatusChange).optional(),
  bookedAt: moment,
});
export type BookingChanged = z.infer<typeof bookingChanged>;
