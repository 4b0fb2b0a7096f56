import type { LogRecord, LogSink } from '@astro/logging';
import { logCollection, logVolumeCollection } from './collections.ts';
import { logMinute } from './log-entry.entity.ts';
import type { SystemEntityManager, SystemOrm } from './orm.ts';

/** A service's name as a key of the volume counts: BSON field names take no `.` and no leading `$`. */
export const logVolumeKey = (service: string) => service.replace(/^\$/, '_').replaceAll('.', '_');

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * The periods the volume is counted in, each under a longer one (`group`) that one equality lookup reads whole: a
 * minute's counts under its hour, ten minutes' and an hour's under their day. A histogram reads the longest that
 * still draws its bars, so a day is 144 ten-minute counters, never its lines.
 */
export const logVolumePeriods = [
  { name: 'minute', ms: minute, groupMs: hour },
  { name: 'ten minutes', ms: 10 * minute, groupMs: day },
  { name: 'hour', ms: hour, groupMs: day },
] as const;
export type LogVolumePeriod = (typeof logVolumePeriods)[number];

const startOf = (at: number, ms: number) => Math.floor(at / ms) * ms;
/** The `bucket` of the counters of one period kind within one group (`minute@2026-12-01T21:00:00.000Z`). */
export const logVolumeGroup = (period: LogVolumePeriod, at: number) =>
  `${period.name}@${new Date(startOf(at, period.groupMs)).toISOString()}`;

/**
 * Writes log lines to the capped collection and counts them in the volume of each period: the one writer of both,
 * so the volume histogram counts exactly the lines written. Unordered, so one refused line loses no other.
 */
export async function writeLogLines(systemDb: SystemEntityManager, records: LogRecord[]): Promise<void> {
  if (records.length === 0) return;
  await logCollection(systemDb).insertMany(
    records.map((record) => ({ _id: crypto.randomUUID(), ...record, minute: logMinute(record.at) })) as never,
    { ordered: false },
  );
  const increments = new Map<string, { bucket: string; at: Date; inc: Record<string, number> }>();
  for (const record of records) {
    for (const period of logVolumePeriods) {
      const at = new Date(startOf(record.at.getTime(), period.ms));
      const id = `${period.name}@${at.toISOString()}`;
      const counter = increments.get(id) ?? { bucket: logVolumeGroup(period, at.getTime()), at, inc: {} };
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
