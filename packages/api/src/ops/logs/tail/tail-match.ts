/** The search's System DB filter, applied to a line in memory: the tail filters what its one poller read with it. */
import type { LogFilter } from '../logs.query.ts';
import type { LogLine } from '../logs.schemas.ts';

/** Whether the line is one the search would find with this filter (the filter `logQuery` built from a match). */
export function lineMatches(filter: LogFilter, line: LogLine): boolean {
  const { level, message, ...equal } = filter;
  if (level !== undefined && (typeof level === 'string' ? line.level !== level : !level.$in.includes(line.level)))
    return false;
  if (message && !message.test(line.message)) return false;
  return Object.entries(equal).every(([field, value]) => line[field as keyof typeof equal] === value);
}
