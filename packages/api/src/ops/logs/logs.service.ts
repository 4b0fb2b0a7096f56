import { logCollection, logMinute, logVolumeCollection, logVolumeKey, type LogEntry } from '@astro/db/system';
import { logLevels, type LogLevel } from '@astro/logging';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext } from '../context.ts';
import { logQuery } from './logs.query.ts';
import type {
  LogContext,
  LogContextQuery,
  LogLine,
  LogPage,
  LogSearch,
  LogVolume,
  LogVolumeQuery,
} from './logs.schemas.ts';

const minute = 60_000;
/**
 * How long one page may spend walking minutes that hold no match (a rare text over a long range): it then answers
 * with what it found and a cursor where it stopped, so every page comes back in about half a second and "Older lines"
 * goes on from there.
 */
const pageBudgetMs = 400;
/** No cursor sorts before this id: a cursor with it ends a page at the start of a minute. */
const lowestId = '00000000-0000-0000-0000-000000000000';

export interface StoredLine extends Omit<LogEntry, 'id'> {
  _id: string;
}

/** A stored line as the search and the live tail send it. */
export const lineOf = (line: StoredLine): LogLine => ({
  id: line._id,
  at: line.at.toISOString(),
  level: line.level,
  service: line.service,
  instance: line.instance,
  message: line.message,
  correlationId: line.correlationId ?? null,
  requestId: line.requestId ?? null,
  fields: line.fields ?? null,
});

/** Time then id: ISO times of one length sort as text, as do the System DB's lowercase UUIDs. */
const cursorOf = (at: Date, id: string) => `${at.toISOString()}~${id}`;

/** The lines before a position (time, then id), newest first. */
const before = (at: Date, id: string) => ({ $or: [{ at: { $lt: at } }, { at, _id: { $lt: id } }] });
const after = (at: Date, id: string) => ({ $or: [{ at: { $gt: at } }, { at, _id: { $gt: id } }] });
const newestFirst = { at: -1, _id: -1 } as const;

const startOfMinute = (moment: Date) => new Date(Math.floor(moment.getTime() / minute) * minute);

/**
 * Lines matching the search, newest first, a page at a time. The page ends at its last line's time and id, so the
 * next one starts right after it whatever is written meanwhile (new lines are newer than the first page). The
 * lines of one request or correlation id are one indexed lookup; any other search walks the range minute by minute
 * from its end (each minute one indexed lookup), and stops once the page is full or its time is spent.
 */
export async function searchLogs(ctx: OpsContext, search: LogSearch): Promise<LogPage> {
  const logs = logCollection(ctx.systemDb);
  const [cursorAt, cursorId] = search.cursor ? search.cursor.split('~') : [];
  const end = cursorAt ? before(new Date(cursorAt), cursorId!) : {};
  const filter = { ...logQuery(search), at: { $gte: search.from, $lt: search.to }, ...end };
  const page = (lines: StoredLine[], more: boolean): LogPage => {
    const shown = lines.slice(0, search.limit);
    const last = shown.at(-1);
    return { lines: shown.map(lineOf), nextCursor: more && last ? cursorOf(last.at, last._id) : null };
  };

  if (search.correlationId || search.requestId) {
    const lines = await logs
      .find<StoredLine>(filter)
      .sort(newestFirst)
      .limit(search.limit + 1)
      .toArray();
    return page(lines, lines.length > search.limit);
  }

  const started = Date.now();
  const lines: StoredLine[] = [];
  const oldest = startOfMinute(search.from);
  const newest = cursorAt && new Date(cursorAt) < search.to ? new Date(cursorAt) : new Date(search.to.getTime() - 1);
  for (let at = startOfMinute(newest); at >= oldest;) {
    lines.push(
      ...(await logs
        .find<StoredLine>({ ...filter, minute: logMinute(at) })
        .sort(newestFirst)
        .limit(search.limit + 1 - lines.length)
        .toArray()),
    );
    if (lines.length > search.limit) return page(lines, true);
    const searched = at;
    at = new Date(at.getTime() - minute);
    if (at >= oldest && Date.now() - started > pageBudgetMs) {
      // Out of time with minutes left: the next page goes on from the last line, or from the last minute searched.
      return lines.length > 0 ? page(lines, true) : { lines: [], nextCursor: cursorOf(searched, lowestId) };
    }
  }
  return page(lines, false);
}

const hour = 60 * minute;

/**
 * How long one bar of the histogram is: a minute up to 6 hours (at most 360 bars), then 5 minutes (288 bars a
 * day), then an hour (168 bars a week), then 2 hours; a range of at most 14 days never has more than 360.
 */
export function volumeBucketMinutes(rangeMs: number): number {
  if (rangeMs <= 6 * hour) return 1;
  if (rangeMs <= 24 * hour) return 5;
  if (rangeMs <= 7 * 24 * hour) return 60;
  return 120;
}

const noLines = (): Record<LogLevel, number> => ({ debug: 0, info: 0, warn: 0, error: 0 });

/** The periods (`h:2026-12-01T21`, `d:2026-12-01`) whose counters hold `from` to `to`, by their parent's length. */
function periodsOf(from: Date, to: Date, length: number, key: (start: Date) => string): string[] {
  const periods: string[] = [];
  for (let at = Math.floor(from.getTime() / length) * length; at < to.getTime(); at += length)
    periods.push(key(new Date(at)));
  return periods;
}

/**
 * Lines per bucket by level, from the counts the log writer keeps per minute and per hour (a day is 1,440 minute
 * counters read in 25 indexed lookups, never its lines). Buckets are whole minutes (or hours), from the one that
 * holds `from`; so they count every line of each bucket, also the few before `from` in its first minute.
 */
export async function logVolume(ctx: OpsContext, query: LogVolumeQuery): Promise<LogVolume> {
  const bucketMinutes = volumeBucketMinutes(query.to.getTime() - query.from.getTime());
  const bucketMs = bucketMinutes * minute;
  // Hour counters for hourly bars and longer, each under its day; minute counters under their hour.
  const counted = bucketMinutes >= 60 ? hour : minute;
  const periods =
    counted === hour
      ? periodsOf(query.from, query.to, 24 * hour, (at) => `d:${at.toISOString().slice(0, 10)}`)
      : periodsOf(query.from, query.to, hour, (at) => `h:${at.toISOString().slice(0, 13)}`);
  const counters = (
    await Promise.all(periods.map((bucket) => logVolumeCollection(ctx.systemDb).find({ bucket }).toArray()))
  ).flat();

  const start = Math.floor(query.from.getTime() / bucketMs) * bucketMs;
  const buckets = Array.from({ length: Math.ceil((query.to.getTime() - start) / bucketMs) }, (_, i) => ({
    at: new Date(start + i * bucketMs).toISOString(),
    ...noLines(),
  }));
  const levels = query.levels?.length ? query.levels : logLevels;
  const total = noLines();
  const first = Math.floor(query.from.getTime() / counted) * counted;
  for (const counter of counters) {
    const at = counter.at.getTime();
    if (at < first || at >= query.to.getTime()) continue;
    const bucket = buckets[Math.floor((at - start) / bucketMs)]!;
    const services = query.service
      ? [counter.counts[logVolumeKey(query.service)] ?? {}]
      : Object.values(counter.counts);
    for (const counts of services)
      for (const level of levels) {
        bucket[level] += counts[level] ?? 0;
        total[level] += counts[level] ?? 0;
      }
  }
  return { bucketMinutes, buckets, total };
}

/** How many minutes either side of a line its context looks through for the lines next to it. */
const contextMinutes = 60;

/** The lines just before and after one line, oldest first, of every service (they interleave) or of its own. */
export async function logContext(ctx: OpsContext, query: LogContextQuery): Promise<LogContext> {
  const logs = logCollection(ctx.systemDb);
  const line = await logs.findOne<StoredLine>({ _id: query.lineId });
  if (!line)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no log line with this id: it may have expired.' });
  const sameService = query.sameService ? { service: line.service } : {};
  const side = async (toward: -1 | 1) => {
    const found: StoredLine[] = [];
    const position = toward < 0 ? before(line.at, line._id) : after(line.at, line._id);
    for (let step = 0; step <= contextMinutes && found.length < query.lines; step++) {
      const at = new Date(startOfMinute(line.at).getTime() + toward * step * minute);
      found.push(
        ...(await logs
          .find<StoredLine>({ ...sameService, ...position, minute: logMinute(at) })
          .sort({ at: toward, _id: toward })
          .limit(query.lines - found.length)
          .toArray()),
      );
    }
    return found;
  };
  const [earlier, later] = await Promise.all([side(-1), side(1)]);
  return { lineId: line._id, lines: [...earlier.reverse(), line, ...later].map(lineOf) };
}
