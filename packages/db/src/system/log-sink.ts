import type { LogRecord, LogSink } from '@astro/logging';
import { logCollection, logVolumeCollection } from './collections.ts';
import { logMinute } from './log-entry.entity.ts';
import type { SystemEntityManager, SystemOrm } from './orm.ts';

/** A service's name as a key of the volume counts: BSON field names take no `.` and no leading `$`. */
export const logVolumeKey = (service: string) => service.replace(/^\$/, '_').replaceAll('.', '_');

/**
 * Writes log lines to the capped collection and counts them in the volume per minute and per hour: the one writer
 * of both, so the volume histogram counts exactly the lines written. Unordered, so one refused line loses no other.
 */
export async function writeLogLines(systemDb: SystemEntityManager, records: LogRecord[]): Promise<void> {
  if (records.length === 0) return;
  await logCollection(systemDb).insertMany(
    records.map((record) => ({ _id: crypto.randomUUID(), ...record, minute: logMinute(record.at) })) as never,
    { ordered: false },
  );
  const increments = new Map<string, { bucket: string; at: Date; inc: Record<string, number> }>();
  for (const record of records) {
    const minute = logMinute(record.at);
    const hour = minute.slice(0, 13);
    for (const [id, bucket, at] of [
      [`m:${minute}`, `h:${hour}`, new Date(`${minute}:00.000Z`)],
      [`h:${hour}`, `d:${hour.slice(0, 10)}`, new Date(`${hour}:00:00.000Z`)],
    ] as const) {
      const counter = increments.get(id) ?? { bucket, at, inc: {} };
      const field = `counts.${logVolumeKey(record.service)}.${record.level}`;
      counter.inc[field] = (counter.inc[field] ?? 0) + 1;
      increments.set(id, counter);
    }
  }
  const updates = [...increments].map(([id, { bucket, at, inc }]) => ({
    updateOne: { filter: { _id: id }, update: { $inc: inc, $setOnInsert: { bucket, at } }, upsert: true },
  }));
  await logVolumeCollection(systemDb).bulkWrite(updates, { ordered: false });
}

/** Log records go straight to the capped collection: no unit of work, no identity map, one insert per batch. */
export function systemLogSink(orm: SystemOrm): LogSink {
  return { write: (records) => writeLogLines(orm.em, records) };
}
