/**
 * Moves sync messages from the Operational DB's outbox to the System DB, where the sync job applies them.
 * Rows are locked with SKIP LOCKED, so several schedulers relay side by side without doing a row twice;
 * a message copied twice (a crash between copying and marking) is inserted only once.
 */
import { LockMode } from '@mikro-orm/core';
import { SyncOutboxMessage, type OperationalOrm } from '@astro/db/operational';
import type { SyncStore, SystemOrm } from '@astro/db/system';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';
import { recordSyncMessages, relayBatch } from './record-messages.ts';

export async function relayOperationalOutbox(
  operational: OperationalOrm,
  system: SystemOrm,
  now: Date,
  limit = relayBatch,
  fence: Fence = unfenced,
): Promise<number> {
  return operational.em.fork().transactional(async (em) => {
    const batch = await em.find(
      SyncOutboxMessage,
      { relayedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (batch.length === 0) return 0;
    await fence.assert();
    await recordSyncMessages(
      system,
      batch.map((message) => ({
        id: message.id,
        kind: message.kind,
        source: 'operational',
        target: message.target as SyncStore,
        entityType: message.entityType,
        entityId: message.entityId,
        entityVersion: message.entityVersion,
        payload: message.payload,
        correlationId: message.correlationId ?? null,
        createdAt: message.createdAt,
      })),
      now,
    );
    for (const message of batch) message.relayedAt = now;
    return batch.length;
  });
}

export function outboxRelayJob(operational: OperationalOrm, system: SystemOrm): JobDefinition {
  return {
    name: 'sync-outbox-relay',
    description: 'Copies sync messages from the Operational DB outbox to the System DB',
    schedule: '*/5 * * * * *',
    async run({ now, fence }) {
      return { relayed: await relayOperationalOutbox(operational, system, now(), relayBatch, fence) };
    },
  };
}
