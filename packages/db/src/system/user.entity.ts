import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey, timestamps } from '../properties.ts';

export const userRoles = ['customer', 'supplier', 'support', 'finance', 'admin', 'operator'] as const;
export type UserRole = (typeof userRoles)[number];

/** A sign-in account of any role. The Authentication Service owns these. */
export const User = defineEntity({
  name: 'User',
  collection: 'users',
  properties: {
    id: documentKey(),
    /** Stored lower-cased so that uniqueness is case-insensitive without collations (FerretDB has none). */
    email: p.string().unique(),
    name: p.string(),
    passwordHash: p.string().nullable(),
    roles: p.json<UserRole[]>(),
    /** For suppliers: the agency they act for. */
    agencyId: p.uuid().nullable(),
    verified: p.boolean().default(false),
    /** Set by an admin: the account cannot sign in, and everything it was signed in with has ended. */
    deactivatedAt: p.datetime().nullable(),
    deactivationReason: p.string().nullable(),
    lastSignInAt: p.datetime().nullable(),
    ...timestamps(),
  },
});
export type User = InferEntity<typeof User>;
