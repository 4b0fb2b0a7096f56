/**
 * Apply lag (SPEC.md §5: "normal lag is a few seconds"): how long a message waited between being recorded and being
 * applied, `appliedAt − createdAt`. FerretDB has no percentile accumulator, so the store hands over the times and
 * these rules compute the figures; /metrics, ops.stats and the sync page all use them.
 */
import type { LagMinute } from './sync.schemas.ts';

const minuteMs = 60_000;

export interface AppliedTimes {
  createdAt: Date;
  appliedAt: Date;
}

export const lagOf = (message: AppliedTimes) => message.appliedAt.getTime() - message.createdAt.getTime();

/** The p-th percentile (nearest rank) of values sorted ascending; 0 of none. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

/** The first minute of a chart of `minutes` whole minutes that ends with the minute `now` is in. */
export const chartStart = (now: Date, minutes: number) =>
  new Date(Math.floor(now.getTime() / minuteMs) * minuteMs - (minutes - 1) * minuteMs);

/**
 * Each minute from `chartStart(now, minutes)` on, oldest first, with the messages applied in it and the p50 and p99
 * of their lag. `readFrom` is the oldest applied time the store handed over when it stopped at its bound (null when
 * it handed over every message of the chart): a minute that began before it was read in part or not at all, so its
 * figures are null rather than wrong.
 */
export function lagPerMinute(
  applied: AppliedTimes[],
  now: Date,
  minutes: number,
  readFrom: Date | null = null,
): LagMinute[] {
  const start = chartStart(now, minutes).getTime();
  const lags: number[][] = Array.from({ length: minutes }, () => []);
  for (const message of applied) {
    const slot = Math.floor((message.appliedAt.getTime() - start) / minuteMs);
    if (slot >= 0 && slot < minutes) lags[slot]!.push(lagOf(message));
  }
  return lags.map((inMinute, slot) => {
    const minute = new Date(start + slot * minuteMs);
    if (readFrom && minute < readFrom) return { minute: minute.toISOString(), applied: null, p50Ms: null, p99Ms: null };
    const sorted = inMinute.sort((a, b) => a - b);
    return {
      minute: minute.toISOString(),
      applied: sorted.length,
      p50Ms: sorted.length ? percentile(sorted, 50) : null,
      p99Ms: sorted.length ? percentile(sorted, 99) : null,
    };
  });
}
