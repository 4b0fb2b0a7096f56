import { customer } from '../trpc.ts';
import { profileInput } from './account.schemas.ts';
import { myProfile, updateProfile } from './account.service.ts';

export const accountRouter = customer.router({
  /** The signed-in traveler's profile, with trips flown and VIP status. */
  profile: customer.allow('customer').query(({ ctx }) => myProfile(ctx)),
  updateProfile: customer
    .allow('customer')
    .input(profileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
});
