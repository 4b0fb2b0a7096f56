import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

/** How one component answered one check: its latency when it was up, why not when it was down. */
export interface ComponentSample {
  component: string;
  up: boolean;
  latencyMs: number | null;
  problem: string | null;
}

/**
 * The spacings, in seconds, a history is read at: every check is in the 30 s series, one whose time falls on a whole
 * 5 minutes (an hour) in the 5-minute (hourly) series too, so a week is read as 168 checks, not 20,160.
 */
export const statusSampleSteps = [30, 300, 3_600] as const;
export type StatusSampleStep = (typeof statusSampleSteps)[number];

/**
 * Each series is kept in buckets (an hour of the 30 s series, a day of the 5-minute, a month of the hourly) named by
 * a plain field per series: FerretDB answers a top-level equality in SQL, from an index, where a range on `at` reads
 * the whole collection.
 */
const bucketOf: Record<StatusSampleStep, { field: 'hour' | 'day' | 'month'; key: (at: Date) => string; ms: number }> = {
  30: { field: 'hour', key: (at) => at.toISOString().slice(0, 13), ms: 3_600_000 },
  300: { field: 'day', key: (at) => at.toISOString().slice(0, 10), ms: 86_400_000 },
  // Months differ in length; a day at a time visits each one.
  3600: { field: 'month', key: (at) => at.toISOString().slice(0, 7), ms: 86_400_000 },
};

/** The bucket fields of a check taken at `at` (its time rounded to the 30 s timetable it runs on). */
export function statusSampleBuckets(at: Date): { hour: string; day: string | null; month: string | null } {
  const slot = new Date(Math.round(at.getTime() / 30_000) * 30_000);
  const seconds = slot.getTime() / 1000;
  return {
    hour: bucketOf[30].key(slot),
    day: seconds % 300 === 0 ? bucketOf[300].key(slot) : null,
    month: seconds % 3_600 === 0 ? bucketOf[3600].key(slot) : null,
  };
}

/** The equality filters that read a series over a range: one per bucket the range touches. */
export function statusSampleBucketFilters(step: StatusSampleStep, from: Date, to: Date): Record<string, string>[] {
  const { field, key, ms } = bucketOf[step];
  const keys = new Set<string>();
  for (let at = from.getTime(); at < to.getTime(); at += ms) keys.add(key(new Date(at)));
  keys.add(key(to));
  return [...keys].map((each) => ({ [field]: each }));
}

/**
 * One check of every component the system depends on (each database and the SMTP server), taken by the Job
 * Scheduler every 30 s, for the ops dashboard's latency history. One document per check keeps an hour at 120
 * documents; the retention job deletes checks older than `retention.days` (FerretDB has no TTL indexes).
 */
export const StatusSample = defineEntity({
  name: 'StatusSample',
  collection: 'status_samples',
  indexes: [{ properties: ['at'] }, { properties: ['hour'] }, { properties: ['day'] }, { properties: ['month'] }],
  properties: {
    id: documentKey(),
    at: p.datetime(),
    /** `statusSampleBuckets(at)`: the bucket of each series it is in (null: not in that series). */
    hour: p.string(),
    day: p.string().nullable(),
    month: p.string().nullable(),
    /** The scheduler instance that took the check: latency is as seen from there. */
    instance: p.string(),
    components: p.json<ComponentSample[]>(),
  },
});
export type StatusSample = InferEntity<typeof StatusSample>;
