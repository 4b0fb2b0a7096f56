import { z } from 'zod';
import { timeRangeProblem } from '@astro/domain';
import { logLevels, type LogLevel } from '@astro/logging';
import { timeIdCursor } from '../../cursor.ts';
import { text } from '../../text.ts';

/** An id as the logger writes it (a UUID, or a job run's name-and-time): bounded, one line. */
const loggedId = (what: string) =>
  text({ max: 128, tooLong: `A ${what} has at most 128 characters.` })
    .trim()
    .min(1);

/** Which lines: the filters the search and the live tail share. Every field is optional; none matches every line. */
export const logMatch = z.object({
  levels: z.array(z.enum(logLevels, 'Choose debug, info, warn or error.')).max(logLevels.length).optional(),
  /** The service that wrote the line, exactly ("customer-api"). */
  service: text({ max: 64, tooLong: 'A service name has at most 64 characters.' }).trim().min(1).optional(),
  /** Any part of the message, in any case, as typed (no pattern). */
  text: text({ max: 200, tooLong: 'Search for at most 200 characters.' }).trim().min(1).optional(),
  correlationId: loggedId('correlation id').optional(),
  requestId: loggedId('request id').optional(),
});
export type LogMatch = z.infer<typeof logMatch>;

const instant = z.iso
  .datetime({ message: 'Give the time as an ISO 8601 instant.' })
  .transform((value) => new Date(value));

/** Where a page ends: the last line's time and id, as `nextCursor` gives it. */
const cursor = timeIdCursor('This is not a page of these logs.');

/** A range of at most 14 days that ends after it starts. */
const withinRange = (input: { from: Date; to: Date }, context: z.RefinementCtx) => {
  const problem = timeRangeProblem(input.from, input.to);
  if (problem) context.addIssue({ code: 'custom', path: ['from'], message: problem });
};

/** A search: the lines matching `logMatch` from `from` (inclusive) to `to` (exclusive), newest first, a page at a time. */
export const logSearchInput = logMatch
  .extend({
    from: instant,
    to: instant,
    /** The previous page's `nextCursor`: the lines before it. Absent for the newest. */
    cursor: cursor.optional(),
    limit: z.int().min(1).max(200).default(100),
  })
  .superRefine(withinRange);
export type LogSearchInput = z.input<typeof logSearchInput>;
export type LogSearch = z.output<typeof logSearchInput>;

/** The volume histogram: lines per bucket by level, over a range, for some levels and a service. */
export const logVolumeInput = logMatch
  .pick({ levels: true, service: true })
  .extend({ from: instant, to: instant })
  .superRefine(withinRange);
export type LogVolumeInput = z.input<typeof logVolumeInput>;
export type LogVolumeQuery = z.output<typeof logVolumeInput>;

/** The lines just before and after one line. */
export const logContextInput = z.object({
  lineId: z.uuid('This is not a log line id.'),
  /** How many lines on each side. */
  lines: z.int().min(1).max(50).default(10),
  /** Only the lines of the same service; by default those of every service, as they interleaved. */
  sameService: z.boolean().default(false),
});
export type LogContextInput = z.input<typeof logContextInput>;
export type LogContextQuery = z.output<typeof logContextInput>;

/** One log line as the page shows it. */
export interface LogLine {
  id: string;
  /** ISO 8601. */
  at: string;
  level: LogLevel;
  service: string;
  instance: string;
  message: string;
  correlationId: string | null;
  requestId: string | null;
  fields: Record<string, unknown> | null;
}

export interface LogPage {
  /** Newest first. */
  lines: LogLine[];
  /** Pass as `cursor` for the next (older) page; null when the range holds no older line. */
  nextCursor: string | null;
}

export interface LogVolume {
  /** How long one bucket is: 1 minute, more for long ranges so a range has at most `maxBuckets` of them. */
  bucketMinutes: number;
  /** Oldest first; a bucket from `at` (ISO 8601) for `bucketMinutes`, its lines counted by level. */
  buckets: ({ at: string } & Record<LogLevel, number>)[];
  /** Lines in the whole range, by level. */
  total: Record<LogLevel, number>;
}

export interface LogContext {
  /** Oldest first, the line itself among them. */
  lines: LogLine[];
  lineId: string;
}
