/**
 * Moves sync messages from the Operational DB's outbox to the System DB, where the sync job applies them.
 * Rows are locked with SKIP LOCKED, so several schedulers relay side by side without doing a row twice;
 * a message copied twice (a crash between copying and marking) is inserted only once.
 */
import { LockMode } from '@mikro-orm/core';
import { SyncOutboxMessage, type OperationalOrm } from '@astro/db/operational';
import { SyncMessage, type SyncStore, type SystemOrm } from '@astro/db/system';
import type { JobDefinition } from '../scheduler.ts';

export async function relayOperationalOutbox(
  operational: OperationalOrm,
  system: SystemOrm,
  now: Date,
  limit = 200,
): Promise<number> {
  const messages = system.em.getConnection().getCollection(system.getMetadata().get(SyncMessage).collection);
  return operational.em.fork().transactional(async (em) => {
    const batch = await em.find(
      SyncOutboxMessage,
      { relayedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (batch.length === 0) return 0;
    await messages.bulkWrite(
      batch.map((message) => ({
        updateOne: {
          filter: { _id: message.id as never },
          update: {
            $setOnInsert: {
              kind: message.kind,
              source: 'operational' satisfies SyncStore,
              target: message.target,
              entityType: message.entityType,
              entityId: message.entityId,
              entityVersion: message.entityVersion,
              payload: message.payload,
              status: 'pending',
              attempts: 0,
              availableAt: now,
              claimedBy: null,
              claimedUntil: null,
              lastError: null,
              correlationId: message.correlationId,
              createdAt: message.createdAt,
              appliedAt: null,
              appliedBy: null,
            },
          },
          upsert: true,
        },
      })),
      { ordered: true },
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
    async run({ now }) {
      return { relayed: await relayOperationalOutbox(operational, system, now()) };
    },
  };
}
