import { describe, expect, it } from 'vitest';
import { latencySummary } from './latency-summary.ts';

const up = (latencyMs: number) => ({ up: true, latencyMs });
const down = { up: false, latencyMs: null };

describe('latencySummary', () => {
  it.each([
    { checks: [], expected: { checks: 0, down: 0, medianMs: null, highestMs: null } },
    { checks: [up(3), up(1), up(2)], expected: { checks: 3, down: 0, medianMs: 2, highestMs: 3 } },
    { checks: [up(4), up(1), up(2), up(8)], expected: { checks: 4, down: 0, medianMs: 3, highestMs: 8 } },
    { checks: [up(1.25), up(1.5)], expected: { checks: 2, down: 0, medianMs: 1.4, highestMs: 1.5 } },
    { checks: [down, up(5), down], expected: { checks: 3, down: 2, medianMs: 5, highestMs: 5 } },
    { checks: [down, down], expected: { checks: 2, down: 2, medianMs: null, highestMs: null } },
  ])('counts $expected.down down of $expected.checks checks, median $expected.medianMs ms', ({ checks, expected }) => {
    expect(latencySummary(checks)).toEqual(expected);
  });
});
