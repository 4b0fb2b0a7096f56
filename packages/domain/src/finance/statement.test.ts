import { describe, expect, it } from 'vitest';
import { monthPeriod, periodBounds, periodProblem, statementTotals } from './statement.ts';

describe('an agency statement', () => {
  it.each([
    [
      'sales, refunds and fees',
      { grossCents: 1_000_000, refundsCents: 100_000, invoicedCents: 9_000, creditedCents: 0 },
      9_000,
      891_000,
    ],
    [
      'a credit note lowers the fees',
      { grossCents: 1_000_000, refundsCents: 0, invoicedCents: 10_000, creditedCents: 4_000 },
      6_000,
      994_000,
    ],
    [
      'a credit note for an earlier period makes fees negative',
      { grossCents: 0, refundsCents: 0, invoicedCents: 0, creditedCents: 2_500 },
      -2_500,
      2_500,
    ],
    [
      'refunds larger than sales',
      { grossCents: 10_000, refundsCents: 50_000, invoicedCents: 100_000, creditedCents: 0 },
      100_000,
      -140_000,
    ],
  ])('%s', (_name, sums, feesCents, netPayoutCents) => {
    expect(statementTotals(sums)).toEqual({
      grossCents: sums.grossCents,
      refundsCents: sums.refundsCents,
      feesCents,
      netPayoutCents,
    });
  });
});

describe('a statement period', () => {
  it('is a calendar month by default, leap days included', () => {
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', until: '2028-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', until: '2026-12-31' });
  });

  it('covers its last day whole', () => {
    expect(periodBounds({ from: '2026-11-01', until: '2026-11-30' })).toEqual({
      start: new Date('2026-11-01T00:00:00Z'),
      end: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it.each([
    [{ from: '2026-11-01', until: '2026-11-30' }, null],
    [{ from: '2026-11-30', until: '2026-11-30' }, null],
    [{ from: '2026-12-01', until: '2026-11-30' }, 'The period ends before it starts.'],
    [{ from: '2026-13-01', until: '2026-11-30' }, 'The start is not a date.'],
    [{ from: '2026-11-01', until: 'soon' }, 'The end is not a date.'],
  ])('%j: %s', (period, problem) => {
    expect(periodProblem(period)).toBe(problem);
  });
});
