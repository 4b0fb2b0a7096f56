import { syncMessageCollection, type SyncStore, type SystemOrm } from '@astro/db/system';

/** How many changes a relay run records at most. */
export const relayBatch = 200;

export interface NewSyncMessage {
  /** Chosen by the producer, so recording the same message twice records it once. */
  id: string;
  kind: string;
  source: SyncStore;
  target: SyncStore;
  entityType: string;
  entityId: string;
  entityVersion: number;
  /** As its producer wrote it (`syncMessageOf`); the sync job reads it by the kind's schema before applying it. */
  payload: Record<string, unknown>;
  correlationId: string | null;
  createdAt: Date;
}

/** Records messages in the System DB for the sync job, each at most once by its id, in order. */
export async function recordSyncMessages(system: SystemOrm, messages: NewSyncMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await syncMessageCollection(system.em).bulkWrite(
    messages.map(({ id, ...message }) => ({
      updateOne: {
        filter: { _id: id as never },
        update: {
          $setOnInsert: {
            ...message,
            status: 'pending',
            attempts: 0,
            availableAt: now,
            claimedBy: null,
            claimedUntil: null,
            lastError: null,
            appliedAt: null,
            appliedBy: null,
          },
        },
        upsert: true,
      },
    })),
    { ordered: true },
  );
}
