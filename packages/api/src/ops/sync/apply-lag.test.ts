import { describe, expect, it } from 'vitest';
import { chartStart, lagPerMinute, percentile } from './apply-lag.ts';

const now = new Date('2026-11-25T12:00:30Z');
const at = (iso: string) => new Date(`2026-11-25T${iso}Z`);
/** A message applied at `applied` after waiting `lagMs`. */
const applied = (appliedIso: string, lagMs: number) => ({
  createdAt: new Date(at(appliedIso).getTime() - lagMs),
  appliedAt: at(appliedIso),
});

describe('apply lag', () => {
  it.each([
    { values: [], p: 50, expected: 0 },
    { values: [7], p: 99, expected: 7 },
    { values: [1, 2, 3, 4], p: 50, expected: 2 },
    { values: [1, 2, 3, 4], p: 99, expected: 4 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 99, expected: 99 },
  ])('the $p th percentile of $values is $expected (nearest rank)', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('starts a chart of n minutes so that it ends with the minute now is in', () => {
    expect(chartStart(now, 60)).toEqual(at('11:01:00'));
    expect(chartStart(now, 1)).toEqual(at('12:00:00'));
  });

  it('gives each minute the messages applied in it and their p50 and p99, and nothing for an empty minute', () => {
    const minutes = lagPerMinute(
      [applied('11:58:10', 1000), applied('11:58:50', 3000), applied('11:58:59.999', 2000), applied('12:00:05', 500)],
      now,
      3,
    );
    expect(minutes).toEqual([
      { minute: '2026-11-25T11:58:00.000Z', applied: 3, p50Ms: 2000, p99Ms: 3000 },
      { minute: '2026-11-25T11:59:00.000Z', applied: 0, p50Ms: null, p99Ms: null },
      { minute: '2026-11-25T12:00:00.000Z', applied: 1, p50Ms: 500, p99Ms: 500 },
    ]);
  });

  it('leaves out messages applied before the chart or after now', () => {
    const minutes = lagPerMinute([applied('11:57:59', 1000), applied('12:01:00', 1000)], now, 3);
    expect(minutes.map((minute) => minute.applied)).toEqual([0, 0, 0]);
  });

  it('says a minute was not read when the store stopped before its start, rather than show part of it', () => {
    const minutes = lagPerMinute([applied('11:59:40', 1000), applied('12:00:05', 500)], now, 3, at('11:59:40'));
    expect(minutes).toEqual([
      { minute: '2026-11-25T11:58:00.000Z', applied: null, p50Ms: null, p99Ms: null },
      { minute: '2026-11-25T11:59:00.000Z', applied: null, p50Ms: null, p99Ms: null },
      { minute: '2026-11-25T12:00:00.000Z', applied: 1, p50Ms: 500, p99Ms: 500 },
    ]);
  });
});
