import { z } from 'zod';
import { customer } from '../trpc.ts';
import { placeHold } from './holds.ts';

export const bookingsRouter = customer.router({
  /** Holds seats for 10 minutes; the same idempotency key always answers with the same hold. */
  hold: customer
    .allow('customer')
    .input(
      z.object({
        launchId: z.uuid('Choose a launch.'),
        seats: z.number({ error: 'Choose how many seats.' }).int('Seats are a whole number.'),
        idempotencyKey: z.string().min(8).max(100),
      }),
    )
    .mutation(({ ctx, input }) => placeHold(ctx, input)),
});
