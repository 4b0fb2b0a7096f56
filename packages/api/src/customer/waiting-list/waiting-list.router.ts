import { z } from 'zod';
import { customer } from '../trpc.ts';
import { joinWaitingList, leaveWaitingList, myWaitingPlaces } from './waiting-list.ts';

const launchId = z.uuid('Choose a launch.');

export const waitingListRouter = customer.router({
  /** The launches the traveler waits for, with their place in each line. */
  mine: customer.allow('customer').query(({ ctx }) => myWaitingPlaces(ctx)),
  join: customer
    .allow('customer')
    .input(z.object({ launchId, seats: z.number().int('Seats are a whole number.') }))
    .mutation(({ ctx, input }) => joinWaitingList(ctx, input)),
  leave: customer
    .allow('customer')
    .input(z.object({ launchId }))
    .mutation(({ ctx, input }) => leaveWaitingList(ctx, input)),
});
