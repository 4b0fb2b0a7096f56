import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const syncStores = ['operational', 'customer'] as const;
export type SyncStore = (typeof syncStores)[number];
export const syncMessageStatuses = ['pending', 'applied', 'dead'] as const;

/**
 * A change (or a command) that one store's owner records for another store to apply. Applying is
 * idempotent and ordered per entity by `entityVersion`.
 */
export const SyncMessage = defineEntity({
  name: 'SyncMessage',
  collection: 'sync_messages',
  indexes: [
    { properties: ['status', 'availableAt'] },
    { properties: ['entityType', 'entityId', 'entityVersion'] },
    // The retention job's query: applied messages by age.
    { properties: ['status', 'appliedAt'] },
    // The ops sync page: dead letters newest first (and the oldest waiting message), a page at a time.
    { properties: ['status', 'createdAt', 'id'] },
    // The ops sync page's "messages of an entity": any kind and status, oldest first.
    { properties: ['entityId', 'createdAt'] },
  ],
  properties: {
    /** Chosen by the writer before the change, so writing it twice is harmless. */
    id: p.uuid().primary().fieldName('_id'),
    kind: p.string(),
    source: p.enum(syncStores),
    target: p.enum(syncStores),
    entityType: p.string(),
    entityId: p.string(),
    entityVersion: p.integer(),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(syncMessageStatuses).default('pending'),
    attempts: p.integer().default(0),
    availableAt: p.datetime(),
    claimedBy: p.string().nullable(),
    claimedUntil: p.datetime().nullable(),
    lastError: p.text().nullable(),
    correlationId: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    appliedAt: p.datetime().nullable(),
    /** The scheduler instance that applied it. */
    appliedBy: p.string().nullable(),
  },
});
export type SyncMessage = InferEntity<typeof SyncMessage>;
