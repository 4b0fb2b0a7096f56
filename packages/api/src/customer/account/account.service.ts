/** The signed-in traveler's profile: name, contacts, preferences, and the trips flown that make a VIP. */
import type { Customer, CustomerPreferences, EmergencyContact } from '@astro/db/customer';
import type { z } from 'zod';
import { signedInTraveler, type CustomerContext } from '../context.ts';
import type { profileInput } from './account.schemas.ts';

export interface TravelerProfile {
  name: string;
  email: string;
  phone: string | null;
  emergencyContact: EmergencyContact | null;
  preferences: CustomerPreferences;
  tripsFlown: number;
  vip: boolean;
}

const profileOf = (traveler: Customer): TravelerProfile => ({
  name: traveler.name,
  email: traveler.email,
  phone: traveler.phone ?? null,
  emergencyContact: traveler.emergencyContact ?? null,
  preferences: traveler.preferences,
  tripsFlown: traveler.tripsFlown,
  vip: traveler.vip,
});

export async function myProfile(ctx: CustomerContext): Promise<TravelerProfile> {
  return profileOf(await signedInTraveler(ctx));
}

export async function updateProfile(
  ctx: CustomerContext,
  input: z.infer<typeof profileInput>,
): Promise<TravelerProfile> {
  const traveler = await signedInTraveler(ctx);
  ctx.customerDb.assign(traveler, input);
  await ctx.customerDb.flush();
  ctx.log.info('Traveler profile updated', { customerId: traveler.id });
  return profileOf(traveler);
}
