import { z } from 'zod';

/**
 * `booking.cancel`: an employee's cancellation, a command from the Operational DB to the Customer DB, which owns
 * the booking. It is not a version of the booking; it applies to whatever version the owner holds.
 */
export const bookingCancellationCommand = z.object({
  reason: z.string(),
  /** Null: the refund policy decides (support); a number: finance's or an admin's override. */
  refundCents: z.int().nonnegative().nullable(),
  requestedBy: z.string(),
});
export type BookingCancellationCommand = z.infer<typeof bookingCancellationCommand>;
