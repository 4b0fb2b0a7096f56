import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface EmergencyContact {
  name: string;
  phone: string;
  relationship: string;
}

export interface CustomerPreferences {
  /** IANA time zone the customer reads launch times in. */
  timeZone: string;
  newsletter: boolean;
}

export const Customer = defineEntity({
  name: 'Customer',
  collection: 'customers',
  properties: {
    id: p
      .uuid()
      .primary()
      .fieldName('_id')
      .onCreate(() => crypto.randomUUID()),
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
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Customer = InferEntity<typeof Customer>;
