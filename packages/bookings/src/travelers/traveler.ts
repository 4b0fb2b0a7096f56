import { randomUUID } from 'node:crypto';
import { Customer, customerCollection, type CustomerEntityManager } from '@astro/db/customer';

/** The account a traveler signed in with, as the Authentication Service knows it. */
export interface TravelerAccount {
  userId: string;
  email: string;
  name: string;
}

/** The traveler's profile in the Customer DB, made on first need from their account. */
export async function travelerOf(
  customerDb: CustomerEntityManager,
  account: TravelerAccount,
  now: Date,
): Promise<Customer> {
  const existing = await customerDb.findOne(Customer, { userId: account.userId });
  if (existing) return existing;
  // Insert-once by e-mail, so two first requests at the same moment still make one profile.
  await customerCollection(customerDb)
    .updateOne(
      { email: account.email },
      {
        $setOnInsert: {
          _id: randomUUID(),
          userId: account.userId,
          email: account.email,
          name: account.name,
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
  return customerDb.findOneOrFail(Customer, { email: account.email });
}
