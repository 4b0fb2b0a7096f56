import { customer } from '../trpc.ts';
import { joinInput, leaveInput } from './waiting-list.schemas.ts';
import { join, leave, mine } from './waiting-list.service.ts';

export const waitingListRouter = customer.router({
  /** The launches the traveler waits for, with their place in each line. */
  mine: customer.allow('customer').query(({ ctx }) => mine(ctx)),
  join: customer
    .allow('customer')
    .input(joinInput)
    .mutation(({ ctx, input }) => join(ctx, input)),
  leave: customer
    .allow('customer')
    .input(leaveInput)
    .mutation(({ ctx, input }) => leave(ctx, input)),
});
