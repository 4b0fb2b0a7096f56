import { z } from 'zod';
import { text } from '../../text.ts';

const bookingId = z.uuid('This is not a booking reference.');
/** Made by the client once per user action, so a retried request is recognised as the same action. */
const actionKey = text({ max: 100, tooLong: 'An idempotency key has at most 100 characters.' }).min(
  8,
  'An idempotency key has at least 8 characters.',
);

export const holdInput = z.object({
  launchId: z.uuid('Choose a launch.'),
  seats: z.number({ error: 'Choose how many seats.' }).int('Seats are a whole number.'),
  idempotencyKey: actionKey,
});

export const bookingInput = z.object({ bookingId });

export const passengersInput = z.object({
  bookingId,
  passengers: z
    .array(
      z.object({
        name: text({ max: 200, tooLong: 'A name is at most 200 characters.' }),
        birthDate: text({ max: 10, tooLong: 'Enter a birth date like 1990-04-21.' }),
      }),
    )
    .max(6),
});

export const payInput = z.object({
  bookingId,
  attemptKey: actionKey,
  card: z.object({
    number: text({ max: 30, tooLong: 'Check the card number.' }),
    expiry: text({ max: 7, tooLong: 'Enter the expiry date as MM/YY.' }),
    cvc: text({ max: 4, tooLong: 'Enter the 3 or 4 digit security code.' }),
  }),
});

export const cancelInput = z.object({ bookingId, quotedRefundCents: z.number().int().min(0) });
