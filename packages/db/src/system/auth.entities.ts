/** What the Authentication Service keeps in the System DB besides the accounts themselves (user.entity.ts). */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

export const accountTokenPurposes = ['verify-email', 'reset-password'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/** A single-use link sent by e-mail. Only the token's SHA-256 is stored, so a database leak opens no account. */
export const AccountToken = defineEntity({
  name: 'AccountToken',
  collection: 'account_tokens',
  indexes: [{ properties: ['userId', 'purpose'] }],
  properties: {
    id: p.string().primary().fieldName('_id'),
    userId: p.uuid(),
    purpose: p.enum(accountTokenPurposes),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AccountToken = InferEntity<typeof AccountToken>;

/**
 * Everything oidc-provider stores (sessions, grants, codes, tokens, interactions, machine clients), one
 * document per record. FerretDB has no TTL indexes, so `expiresAt` is checked on read and swept by a job.
 */
export const OidcRecord = defineEntity({
  name: 'OidcRecord',
  collection: 'oidc_records',
  indexes: [
    { properties: ['grantId'] },
    { properties: ['uid'] },
    { properties: ['userCode'] },
    { properties: ['expiresAt'] },
  ],
  properties: {
    /** `<model>:<id>`, so one collection holds every model without collisions. */
    id: p.string().primary().fieldName('_id'),
    model: p.string(),
    payload: p.json<Record<string, unknown>>(),
    grantId: p.string().nullable(),
    uid: p.string().nullable(),
    userCode: p.string().nullable(),
    expiresAt: p.datetime().nullable(),
    consumedAt: p.datetime().nullable(),
  },
});
export type OidcRecord = InferEntity<typeof OidcRecord>;

export const authKeyKinds = ['signing', 'cookie', 'client-secret'] as const;
export type AuthKeyKind = (typeof authKeyKinds)[number];

/**
 * Keys made on first start and shared by every host: token signing keys (a private JWK), cookie signing
 * secrets and the secret the apps' client credentials derive from. The newest active key of a kind signs;
 * retired signing keys stay published until tokens they signed have expired.
 */
export const AuthKey = defineEntity({
  name: 'AuthKey',
  collection: 'auth_keys',
  indexes: [{ properties: ['kind', 'createdAt'] }],
  properties: {
    id: documentKey(),
    kind: p.enum(authKeyKinds),
    /** A private JWK for signing keys, `{ secret }` otherwise. */
    material: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    retiredAt: p.datetime().nullable(),
  },
});
export type AuthKey = InferEntity<typeof AuthKey>;

/**
 * The counters of rate-limiter-flexible's MongoDB store (sign-in failures per account and per address,
 * registrations, reset requests, token requests), one document per key, changed by one atomic update. Its
 * own TTL index is not made (FerretDB has none): the limiter ignores expired rows and the auth-cleanup job
 * deletes them.
 */
export const RateLimit = defineEntity({
  name: 'RateLimit',
  collection: 'rate_limits',
  indexes: [{ properties: ['expire'] }],
  properties: {
    _id: p.type('ObjectId').primary(),
    id: p.string().serializedPrimaryKey(),
    /** `<limit>:<account or address>` */
    key: p.string().unique(),
    points: p.integer(),
    expire: p.datetime().nullable(),
  },
});
export type RateLimit = InferEntity<typeof RateLimit>;

/**
 * The rule "at least one active admin" kept by one conditional update: `active-admins` counts the accounts with the
 * admin role that are not deactivated, never more than there are (see the accounts service), and an admin is
 * removed only by a decrement that leaves it at one or more. FerretDB has no multi-document transactions.
 */
export const AccountGuard = defineEntity({
  name: 'AccountGuard',
  collection: 'account_guards',
  properties: {
    id: p.string().primary().fieldName('_id'),
    count: p.integer(),
  },
});
export type AccountGuard = InferEntity<typeof AccountGuard>;

export const webApps = ['customer', 'supplier', 'admin', 'ops'] as const;
export type WebApp = (typeof webApps)[number];

/**
 * An app's signed-in browser session (backend for frontend): the tokens stay here, the browser holds only
 * an opaque HttpOnly cookie whose SHA-256 is the id.
 */
export const WebSession = defineEntity({
  name: 'WebSession',
  collection: 'web_sessions',
  indexes: [{ properties: ['userId'] }, { properties: ['expiresAt'] }],
  properties: {
    id: p.string().primary().fieldName('_id'),
    app: p.enum(webApps),
    userId: p.uuid(),
    idToken: p.text(),
    accessToken: p.text(),
    accessExpiresAt: p.datetime(),
    refreshToken: p.text().nullable(),
    /** While one host exchanges the refresh token, the others wait for its result instead of replaying it. */
    refreshingUntil: p.datetime().nullable(),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type WebSession = InferEntity<typeof WebSession>;
