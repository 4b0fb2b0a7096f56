import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The Operational DB's outbox: a change to owned data and the sync message announcing it are written in
 * one PostgreSQL transaction, so neither exists without the other. A relay copies each message to the
 * System DB's sync messages (same id, so copying twice is harmless) and marks it relayed.
 */
export const SyncOutboxMessage = defineEntity({
  name: 'SyncOutboxMessage',
  tableName: 'sync_outbox',
  indexes: [{ name: 'sync_outbox_pending_index', properties: ['relayedAt', 'createdAt'] }],
  properties: {
    id: p.uuid().primary(),
    kind: p.string().length(80),
    target: p.string().length(40),
    entityType: p.string().length(40),
    entityId: p.string().length(80),
    entityVersion: p.integer(),
    payload: p.json<Record<string, unknown>>(),
    correlationId: p.string().length(120).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    relayedAt: p.datetime().nullable(),
  },
});
export type SyncOutboxMessage = InferEntity<typeof SyncOutboxMessage>;
