import { z } from 'zod';
import { bookingStatuses, currencies } from '@astro/domain';
import { moment } from './moment.ts';

export const passenger = z.object({
  name: z.string(),
  /** ISO date (YYYY-MM-DD). */
  birthDate: z.string(),
});
export type Passenger = z.infer<typeof passenger>;

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

export const refundRecord = z.object({
  id: z.string(),
  amountCents: z.int().nonnegative(),
  gatewayReference: z.string(),
  reason: z.string(),
  at: moment,
});
export type RefundRecord = z.infer<typeof refundRecord>;

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
  seats: z.int().nonnegative(),
  passengers: z.array(passenger),
  unitPriceCents: z.int().nonnegative(),
  totalCents: z.int().nonnegative(),
  currency: z.enum(currencies),
  status: z.enum(bookingStatuses),
  payments: z.array(paymentRecord),
  refunds: z.array(refundRecord),
  bookedAt: moment,
});
export type BookingChanged = z.infer<typeof bookingChanged>;
