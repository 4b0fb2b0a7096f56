import { z } from 'zod';
import { text } from '../../text.ts';

export const cancelBookingInput = z.object({
  bookingId: z.uuid('This is not a booking reference.'),
  reason: text({ max: 500, multiline: true }).trim().min(3, 'Say why the booking is cancelled.'),
  refundCents: z.number().int('A refund is a whole number of cents.').min(0).nullable().default(null),
});
export type CancelBookingInput = z.infer<typeof cancelBookingInput>;
