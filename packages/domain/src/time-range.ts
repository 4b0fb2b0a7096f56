/**
 * The operators' time range: a preset relative to now ("last hour") or a custom from–to, read from and written to a
 * page's URL (`range`, `from`, `to`) so a pasted link shows the same window. Times are UTC, as the ops pages show them.
 */

const minute = 60_000;
const hour = 60 * minute;

export const timeRangePresets = [
  { key: '15m', label: 'Last 15 minutes', ms: 15 * minute },
  { key: '1h', label: 'Last hour', ms: hour },
  { key: '6h', label: 'Last 6 hours', ms: 6 * hour },
  { key: '24h', label: 'Last 24 hours', ms: 24 * hour },
  { key: '7d', label: 'Last 7 days', ms: 7 * 24 * hour },
] as const;
export type TimeRangePreset = (typeof timeRangePresets)[number]['key'];

/** The longest window a custom range may span: the logs are kept 14 days (SPEC §8). */
export const longestTimeRangeMs = 14 * 24 * hour;

/** The query parameters a time range lives in; `range` is a preset's key or `custom` (then `from` and `to`). */
export interface TimeRangeParams {
  range?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface TimeRange {
  from: Date;
  to: Date;
  /** The preset it is, or `custom`. */
  range: TimeRangePreset | 'custom';
  /** Why the URL's custom range was not used (the default preset is shown instead), or null. */
  problem: string | null;
}

/** A minute as a `datetime-local` input shows it and a URL carries it: `2026-12-01T20:05`, UTC. */
export const minuteText = (moment: Date) => moment.toISOString().slice(0, 16);

const minutePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `2026-12-01T20:05` (a minute, UTC) as an instant, or null when it is no such time. */
function minuteOf(text: string | undefined): Date | null {
  if (!text || !minutePattern.test(text)) return null;
  const moment = new Date(`${text}:00.000Z`);
  // Date rolls 2026-02-30 over to March: a minute that reads back differently was never a real one.
  return Number.isNaN(moment.getTime()) || minuteText(moment) !== text ? null : moment;
}

/** What is wrong with a custom range, or null. */
export function timeRangeProblem(from: Date, to: Date): string | null {
  if (from.getTime() >= to.getTime()) return 'The start of the range must be before its end.';
  if (to.getTime() - from.getTime() > longestTimeRangeMs) return 'Choose a range of at most 14 days.';
  return null;
}

/** The window a page's URL asks for at `now`; a missing or unknown preset is `fallback`, a broken custom range too. */
export function timeRangeOf(params: TimeRangeParams, now: Date, fallback: TimeRangePreset = '1h'): TimeRange {
  const preset = (key: string) => timeRangePresets.find((each) => each.key === key);
  const relative = (key: TimeRangePreset, problem: string | null = null): TimeRange => ({
    from: new Date(now.getTime() - preset(key)!.ms),
    to: now,
    range: key,
    problem,
  });
  if (params.range !== 'custom') return relative(preset(params.range ?? '')?.key ?? fallback);
  const from = minuteOf(params.from);
  const to = minuteOf(params.to);
  if (!from || !to) return relative(fallback, 'Enter the start and end of the range as a date and a time.');
  const problem = timeRangeProblem(from, to);
  return problem ? relative(fallback, problem) : { from, to, range: 'custom', problem: null };
}

/** The query parameters of a range, for a link: a preset alone (null removes a parameter), or a custom range's minutes. */
export function timeRangeParams(range: Pick<TimeRange, 'from' | 'to' | 'range'>): {
  range: string;
  from: string | null;
  to: string | null;
} {
  return range.range === 'custom'
    ? { range: 'custom', from: minuteText(range.from), to: minuteText(range.to) }
    : { range: range.range, from: null, to: null };
}
