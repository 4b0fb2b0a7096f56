import { customer } from '../trpc.ts';
import { bookingInput, cancelInput, holdInput, passengersInput, payInput } from './bookings.schemas.ts';
import { booking, cancel, hold, mine, passengers, pay } from './bookings.service.ts';

export const bookingsRouter = customer.router({
  /** Holds seats for 10 minutes; the same idempotency key always answers with the same hold. */
  hold: customer
    .allow('customer')
    .input(holdInput)
    .mutation(({ ctx, input }) => hold(ctx, input)),
  /** The traveler's bookings, newest first. */
  mine: customer.allow('customer').query(({ ctx }) => mine(ctx)),
  get: customer
    .allow('customer')
    .input(bookingInput)
    .query(({ ctx, input }) => booking(ctx, input)),
  /** A name and birth date per seat, while the booking is held. */
  passengers: customer
    .allow('customer')
    .input(passengersInput)
    .mutation(({ ctx, input }) => passengers(ctx, input)),
  /** Charges the card for a held booking and confirms it; a declined card keeps the hold. */
  pay: customer
    .allow('customer')
    .input(payInput)
    .mutation(({ ctx, input }) => pay(ctx, input)),
  /** Cancels a confirmed booking for the refund the traveler was quoted (refused if the quote has changed). */
  cancel: customer
    .allow('customer')
    .input(cancelInput)
    .mutation(({ ctx, input }) => cancel(ctx, input)),
});
