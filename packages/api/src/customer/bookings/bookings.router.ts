import { z } from 'zod';
import { text } from '../../text.ts';
import { customer } from '../trpc.ts';
import { bookingDetail, myBookings } from './bookings.queries.ts';
import { cancelBooking } from './cancellation.ts';
import { placeHold } from './holds.ts';
import { savePassengers } from './passengers.ts';
import { payForBooking } from './payment.ts';

const bookingId = z.uuid('This is not a booking reference.');
/** Made by the client once per user action, so a retried request is recognised as the same action. */
const actionKey = text({ max: 100, tooLong: 'An idempotency key has at most 100 characters.' }).min(
  8,
  'An idempotency key has at least 8 characters.',
);

export const bookingsRouter = customer.router({
  /** Holds seats for 10 minutes; the same idempotency key always answers with the same hold. */
  hold: customer
    .allow('customer')
    .input(
      z.object({
        launchId: z.uuid('Choose a launch.'),
        seats: z.number({ error: 'Choose how many seats.' }).int('Seats are a whole number.'),
        idempotencyKey: actionKey,
      }),
    )
    .mutation(({ ctx, input }) => placeHold(ctx, input)),
  /** The traveler's bookings, newest first. */
  mine: customer.allow('customer').query(({ ctx }) => myBookings(ctx)),
  get: customer
    .allow('customer')
    .input(z.object({ bookingId }))
    .query(({ ctx, input }) => bookingDetail(ctx, input.bookingId)),
  /** A name and birth date per seat, while the booking is held. */
  passengers: customer
    .allow('customer')
    .input(
      z.object({
        bookingId,
        passengers: z
          .array(
            z.object({
              name: text({ max: 200, tooLong: 'A name is at most 200 characters.' }),
              birthDate: text({ max: 10, tooLong: 'Enter a birth date like 1990-04-21.' }),
            }),
          )
          .max(6),
      }),
    )
    .mutation(({ ctx, input }) => savePassengers(ctx, input)),
  /** Charges the card for a held booking and confirms it; a declined card keeps the hold. */
  pay: customer
    .allow('customer')
    .input(
      z.object({
        bookingId,
        attemptKey: actionKey,
        card: z.object({
          number: text({ max: 30, tooLong: 'Check the card number.' }),
          expiry: text({ max: 7, tooLong: 'Enter the expiry date as MM/YY.' }),
          cvc: text({ max: 4, tooLong: 'Enter the 3 or 4 digit security code.' }),
        }),
      }),
    )
    .mutation(({ ctx, input }) => payForBooking(ctx, input)),
  /** Cancels a confirmed booking for the refund the traveler was quoted (refused if the quote has changed). */
  cancel: customer
    .allow('customer')
    .input(z.object({ bookingId, quotedRefundCents: z.number().int().min(0) }))
    .mutation(({ ctx, input }) => cancelBooking(ctx, input)),
});
