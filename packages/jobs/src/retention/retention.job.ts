/**
 * Deletes what SPEC.md §8 keeps only for a while: applied sync messages, the Operational DB's relayed outbox
 * rows, sent e-mails, job runs and status checks after `retention.days`, log records after `retention.logDays`. Dead letters,
 * failed e-mails and anything still pending stay. It deletes in batches by primary key, a bounded number of
 * each kind per run, so a backlog is worked off over several runs and no run holds FerretDB's write gate
 * for long.
 */
import { SyncOutboxMessage, type OperationalOrm } from '@astro/db/operational';
import {
  emailOutboxCollection,
  jobRunCollection,
  logCollection,
  statusSampleCollection,
  syncMessageCollection,
  type SystemOrm,
} from '@astro/db/system';
import type { Collection, Document, Filter } from 'mongodb';
import type { Fence, JobDefinition } from '../scheduler.ts';

const day = 86_400_000;

/** How much one run deletes of each kind: `batches` × `batch` records, one batch at a time. */
export interface RetentionPace {
  batch: number;
  batches: number;
}
const defaultPace: RetentionPace = { batch: 1_000, batches: 20 };
const deletesPerCommand = 100;

async function deleteExpiredDocuments<Shape extends Document>(
  collection: Collection<Shape>,
  expired: Filter<Shape>,
  { batch, batches }: RetentionPace,
  fence: Fence,
): Promise<number> {
  let deleted = 0;
  for (let round = 0; round < batches; round++) {
    // No sort: FerretDB stops reading at the batch's last match, where a sort would read every match first.
    const keys = await collection.find(expired, { projection: { _id: 1 }, limit: batch }).toArray();
    if (keys.length === 0) break;
    // One delete per key, each checking the condition again: FerretDB finds a document by `_id` in SQL (with the
    // embedded PostgreSQL's index, 3–6 ms at 40,000 messages), where a delete by `_id: { $in }` reads and decodes
    // every candidate (about 7 s per 1,000 at 60,000). They go in commands of `deletesPerCommand`, so the write
    // gate is free for other writers in between.
    for (let from = 0; from < keys.length; from += deletesPerCommand) {
      await fence.assert();
      const result = await collection.bulkWrite(
        keys.slice(from, from + deletesPerCommand).map(({ _id }) => ({ deleteOne: { filter: { ...expired, _id } } })),
        { ordered: false },
      );
      deleted += result.deletedCount;
    }
    if (keys.length < batch) break;
  }
  return deleted;
}

async function deleteRelayedOutbox(
  operational: OperationalOrm,
  cutoff: Date,
  { batch, batches }: RetentionPace,
  fence: Fence,
): Promise<number> {
  let deleted = 0;
  for (let round = 0; round < batches; round++) {
    const em = operational.em.fork();
    const relayed = { relayedAt: { $lt: cutoff } };
    const rows = await em.find(SyncOutboxMessage, relayed, {
      fields: ['id'],
      orderBy: { relayedAt: 'asc' },
      limit: batch,
    });
    if (rows.length === 0) break;
    await fence.assert();
    deleted += await em.nativeDelete(SyncOutboxMessage, { ...relayed, id: { $in: rows.map((row) => row.id) } });
    if (rows.length < batch) break;
  }
  return deleted;
}

/** Days each kind of record is kept (`RETENTION_DAYS`, `LOG_RETENTION_DAYS`). */
export interface Retention {
  days: number;
  logDays: number;
}

export function retentionJob(
  stores: { operational: OperationalOrm; system: SystemOrm },
  retention: Retention,
  pace = defaultPace,
) {
  return {
    name: 'retention',
    description:
      `Deletes applied sync messages, relayed outbox rows, sent e-mails, job runs and status checks older than ${retention.days} ` +
      `days and log records older than ${retention.logDays} days`,
    schedule: '0 17 * * * *',
    async run({ now, fence }) {
      const cutoff = new Date(now().getTime() - retention.days * day);
      const logCutoff = new Date(now().getTime() - retention.logDays * day);
      const systemDb = stores.system.em;
      const expired = <Shape extends Document>(collection: Collection<Shape>, filter: Filter<Shape>) =>
        deleteExpiredDocuments(collection, filter, pace, fence);
      return {
        syncMessages: await expired(syncMessageCollection(systemDb), { status: 'applied', appliedAt: { $lt: cutoff } }),
        outboxRows: await deleteRelayedOutbox(stores.operational, cutoff, pace, fence),
        emails: await expired(emailOutboxCollection(systemDb), { status: 'sent', sentAt: { $lt: cutoff } }),
        jobRuns: await expired(jobRunCollection(systemDb), { startedAt: { $lt: cutoff } }),
        statusSamples: await expired(statusSampleCollection(systemDb), { at: { $lt: cutoff } }),
        logs: await expired(logCollection(systemDb), { at: { $lt: logCutoff } }),
      };
    },
  } satisfies JobDefinition;
}
