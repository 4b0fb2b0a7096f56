import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { logLevels, type LogLevel } from '@astro/logging';
import { documentKey } from '../properties.ts';

/**
 * One log line of any service, as pino wrote it to stdout. Written in batches straight to the collection, not through
 * the unit of work.
 */
export const LogEntry = defineEntity({
  name: 'LogEntry',
  collection: 'logs',
  indexes: [
    { properties: ['at'] },
    { properties: ['minute'] },
    { properties: ['correlationId'] },
    { properties: ['requestId'] },
    { properties: ['service', 'level', 'at'] },
  ],
  properties: {
    id: documentKey(),
    at: p.datetime(),
    /**
     * The UTC minute of `at` (`2026-12-01T21:05`): a search walks a range minute by minute with equality lookups,
     * the only kind FerretDB 1.24 answers from an index (it filters a range of `at` itself, line by line).
     */
    minute: p.string(),
    level: p.enum(logLevels),
    service: p.string(),
    instance: p.string(),
    message: p.string(),
    correlationId: p.string().nullable(),
    requestId: p.string().nullable(),
    fields: p.json<Record<string, unknown>>().nullable(),
  },
});
export type LogEntry = InferEntity<typeof LogEntry>;

/** The minute a line is filed under: its time in UTC, to the minute. */
export const logMinute = (at: Date) => at.toISOString().slice(0, 16);

/**
 * How many lines each service wrote at each level in one period (a minute, ten minutes, an hour; `logVolumePeriods`),
 * counted as the lines are written, so a histogram reads a few hundred small documents, not a million lines.
 * `bucket` names the group of counters it is read with (those of one hour, or of one day), in one equality lookup.
 */
export const LogVolume = defineEntity({
  name: 'LogVolume',
  collection: 'log_volume',
  indexes: [{ properties: ['bucket'] }],
  properties: {
    /** The period's kind and start: `minute@2026-12-01T21:05:00.000Z`. */
    id: p.string().primary().fieldName('_id'),
    bucket: p.string(),
    /** Where the period starts. */
    at: p.datetime(),
    /** Lines by service, then by level; a level without lines is absent. */
    counts: p.json<Record<string, Partial<Record<LogLevel, number>>>>(),
  },
});
export type LogVolume = InferEntity<typeof LogVolume>;
