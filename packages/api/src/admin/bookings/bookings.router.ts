import { admin } from '../trpc.ts';
import {
  bookingIdInput,
  cancelBookingInput,
  quoteCancellationInput,
  resendConfirmationInput,
  searchBookingsInput,
} from './bookings.schemas.ts';
import {
  bookingDetail,
  quoteCancellation,
  requestCancellation,
  resendConfirmation,
  searchBookings,
} from './bookings.service.ts';

const desk = admin.allow('support', 'finance', 'admin');

export const bookingsRouter = admin.router({
  /** Bookings by reference, customer name or e-mail, launch, agency, status and booking day; sorted and paged. */
  search: desk.input(searchBookingsInput).query(({ ctx, input }) => searchBookings(ctx, input)),
  /**
   * One booking: customer, passengers, money and its ledger, status timeline, the e-mails sent about it, its audit
   * history, a cancellation on its way, and what the viewer may do with it.
   */
  detail: desk.input(bookingIdInput).query(({ ctx, input }) => bookingDetail(ctx, input)),
  /**
   * What cancelling now refunds (the policy's, or the amount finance or an admin set) and the most any refund may
   * be; refused as `cancel` would refuse it, so the page quotes before it asks to confirm.
   */
  quoteCancellation: desk.input(quoteCancellationInput).query(({ ctx, input }) => quoteCancellation(ctx, input)),
  /**
   * Cancels a booking: support with a reason and the policy's refund; finance or an admin may set the refund,
   * never above what was paid. Answers once the command is on its way; the booking follows within seconds. While
   * one is on its way, another is refused.
   */
  cancel: desk.input(cancelBookingInput).mutation(({ ctx, input }) => requestCancellation(ctx, input)),
  /** Sends the traveler the booking confirmation again: one e-mail per idempotency key. */
  resendConfirmation: desk.input(resendConfirmationInput).mutation(({ ctx, input }) => resendConfirmation(ctx, input)),
});
