import { randomUUID } from 'node:crypto';
import { Customer, type CustomerPreferences, type EmergencyContact } from '@astro/db/customer';
import type { CustomerContext } from '../context.ts';

/** The signed-in traveler's profile in the Customer DB, made on first need from their account. */
export async function travelerOf(ctx: CustomerContext): Promise<Customer> {
  const viewer = ctx.viewer!;
  const existing = await ctx.customerDb.findOne(Customer, { userId: viewer.userId });
  if (existing) return existing;
  // Insert-once by e-mail, so two first requests at the same moment still make one profile.
  const now = ctx.now();
  await ctx.customerDb
    .getConnection()
    .getCollection(ctx.customerDb.getMetadata().get(Customer).collection)
    .updateOne(
      { email: viewer.email },
      {
        $setOnInsert: {
          _id: randomUUID() as never,
          userId: viewer.userId,
          email: viewer.email,
          name: viewer.name,
          phone: null,
          emergencyContact: null,
          preferences: { timeZone: 'UTC', newsletter: false },
          tripsFlown: 0,
          vip: false,
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true },
    )
    .catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
  return ctx.customerDb.findOneOrFail(Customer, { email: viewer.email });
}

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
  return profileOf(await travelerOf(ctx));
}

/** The e-mail is the sign-in name and changes with the account, not here. */
export async function updateProfile(
  ctx: CustomerContext,
  input: Pick<TravelerProfile, 'name' | 'phone' | 'emergencyContact' | 'preferences'>,
): Promise<TravelerProfile> {
  const traveler = await travelerOf(ctx);
  ctx.customerDb.assign(traveler, input);
  await ctx.customerDb.flush();
  ctx.log.info('Traveler profile updated', { customerId: traveler.id });
  return profileOf(traveler);
}
