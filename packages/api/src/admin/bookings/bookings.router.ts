import { admin } from '../trpc.ts';
import { cancelBookingInput } from './bookings.schemas.ts';
import { requestCancellation } from './bookings.service.ts';

export const bookingsRouter = admin.router({
  /**
   * Cancels a booking: support with a reason and the policy's refund; finance or an admin may set the refund,
   * never above what was paid. Answers once the command is on its way; the booking follows within seconds.
   */
  cancel: admin
    .allow('support', 'finance', 'admin')
    .input(cancelBookingInput)
    .mutation(({ ctx, input }) => requestCancellation(ctx, input)),
});
