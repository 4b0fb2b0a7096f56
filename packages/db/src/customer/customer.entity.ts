import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey, timestamps } from '../properties.ts';
import type { EmergencyContact } from '../sync/booking-changed.ts';

// The emergency contact travels to each booking copy as it is kept here: the sync contract defines it.
export type { EmergencyContact };

export interface CustomerPreferences {
  /** IANA time zone the customer reads launch times in. */
  timeZone: string;
  newsletter: boolean;
}

export const Customer = defineEntity({
  name: 'Customer',
  collection: 'customers',
  properties: {
    id: documentKey(),
    /** The System DB account this traveler signs in with. */
    userId: p.string().nullable().unique(),
    email: p.string().unique(),
    name: p.string(),
    phone: p.string().nullable(),
    emergencyContact: p.json<EmergencyContact>().nullable(),
    preferences: p.json<CustomerPreferences>(),
    /** Trips on launched launches: two or more make a VIP. */
    tripsFlown: p.integer().default(0),
    vip: p.boolean().default(false),
    ...timestamps(),
  },
});
export type Customer = InferEntity<typeof Customer>;
