import {
  logCollection,
  logMinute,
  logVolumeCollection,
  logVolumeGroup,
  logVolumeKey,
  logVolumePeriods,
  type LogEntry,
} from '@astro/db/system';
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
 * How long one page may go on walking minutes: a text search reads every line of each minute (FerretDB decodes
 * some 12,000 lines a second, about 700 a minute at a million a day), so a page answers with the matches of the
 * minutes it could read in that time and a cursor where it stopped, and "Older lines" goes on from there. Every
 * page comes back within about a third of a second however rare the text and long the range.
 */
const pageBudgetMs = 250;
/** Minutes looked up together. */
const minutesAtOnce = 4;
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
  for (let at = startOfMinute(newest).getTime(); at >= oldest.getTime();) {
    // A few minutes at once: FerretDB answers each lookup on its own connection.
    const minutes = Array.from({ length: minutesAtOnce }, (_, i) => at - i * minute).filter(
      (m) => m >= oldest.getTime(),
    );
    const found = await Promise.all(
      minutes.map((each) =>
        logs
          .find<StoredLine>({ ...filter, minute: logMinute(new Date(each)) })
          .sort(newestFirst)
          .limit(search.limit + 1 - lines.length)
          .toArray(),
      ),
    );
    lines.push(...found.flat());
    if (lines.length > search.limit) return page(lines, true);
    const searched = minutes.at(-1)!;
    at = searched - minute;
    if (at >= oldest.getTime() && Date.now() - started > pageBudgetMs) {
      // Out of time with minutes left: the next page goes on from the last line, or from the last minute searched.
      return lines.length > 0 ? page(lines, true) : { lines: [], nextCursor: cursorOf(new Date(searched), lowestId) };
    }
  }
  return page(lines, false);
}

const hour = 60 * minute;

/**
 * The histogram's bars: a minute up to 6 hours (at most 360 bars), ten minutes up to a day (144), an hour up to a
 * week (168), then two hours (at most 168 for 14 days); each counted from the period's own counters, or an hour's.
 */
export function volumeBucketMinutes(rangeMs: number): number {
  if (rangeMs <= 6 * hour) return 1;
  if (rangeMs <= 24 * hour) return 10;
  if (rangeMs <= 7 * 24 * hour) return 60;
  return 120;
}

const noLines = (): Record<LogLevel, number> => ({ debug: 0, info: 0, warn: 0, error: 0 });

/**
 * Lines per bucket by level, from the counts the log writer keeps (never from the lines: a day of a million lines
 * is 144 ten-minute counters, read in one or two indexed lookups). Buckets are whole periods from the one that
 * holds `from`, so they count every line of each bucket, also the few before `from` in the first one.
 */
export async function logVolume(ctx: OpsContext, query: LogVolumeQuery): Promise<LogVolume> {
  const bucketMinutes = volumeBucketMinutes(query.to.getTime() - query.from.getTime());
  const bucketMs = bucketMinutes * minute;
  // The longest counted period that fits in a bar.
  const period = [...logVolumePeriods].reverse().find((each) => each.ms <= bucketMs)!;
  const start = Math.floor(query.from.getTime() / bucketMs) * bucketMs;
  const groups: string[] = [];
  for (let at = Math.floor(start / period.groupMs) * period.groupMs; at < query.to.getTime(); at += period.groupMs)
    groups.push(logVolumeGroup(period, at));
  const counters = (
    await Promise.all(groups.map((bucket) => logVolumeCollection(ctx.systemDb).find({ bucket }).toArray()))
  ).flat();

  const buckets = Array.from({ length: Math.ceil((query.to.getTime() - start) / bucketMs) }, (_, i) => ({
    at: new Date(start + i * bucketMs).toISOString(),
    ...noLines(),
  }));
  const levels = query.levels?.length ? query.levels : logLevels;
  const total = noLines();
  for (const counter of counters) {
    const at = counter.at.getTime();
    if (at < start || at >= query.to.getTime()) continue;
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
