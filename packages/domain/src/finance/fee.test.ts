import { describe, expect, it } from 'vitest';
import { describeFeeRule, feeFor, type FeeQuestion } from './fee.ts';

describe('the fee of a launch', () => {
  it.each<[name: string, question: FeeQuestion, amountCents: number, rateBasisPoints: number | null]>([
    [
      '1% of captured seat revenue',
      { outcome: 'launched', capturedCents: 1_000_000, refundedCents: 0, earlierLaunchedLaunches: 0 },
      10_000,
      100,
    ],
    [
      'refunds are netted before the rate',
      { outcome: 'launched', capturedCents: 1_000_000, refundedCents: 300_000, earlierLaunchedLaunches: 0 },
      7_000,
      100,
    ],
    [
      '1 earlier launched launch is not yet reliable',
      { outcome: 'launched', capturedCents: 1_000_000, refundedCents: 0, earlierLaunchedLaunches: 1 },
      10_000,
      100,
    ],
    [
      'exactly 2 earlier launched launches: 0.8%',
      { outcome: 'launched', capturedCents: 1_000_000, refundedCents: 0, earlierLaunchedLaunches: 2 },
      8_000,
      80,
    ],
    [
      'more than 2: still 0.8%',
      { outcome: 'launched', capturedCents: 1_000_000, refundedCents: 0, earlierLaunchedLaunches: 9 },
      8_000,
      80,
    ],
    [
      'half a cent rounds up (1% of 50 cents)',
      { outcome: 'launched', capturedCents: 50, refundedCents: 0, earlierLaunchedLaunches: 0 },
      1,
      100,
    ],
    [
      'just under half a cent rounds down (1% of 49 cents)',
      { outcome: 'launched', capturedCents: 49, refundedCents: 0, earlierLaunchedLaunches: 0 },
      0,
      100,
    ],
    [
      '0.8% of 62.50 is exactly 50 cents',
      { outcome: 'launched', capturedCents: 6_250, refundedCents: 0, earlierLaunchedLaunches: 2 },
      50,
      80,
    ],
    [
      '0.8% of 0.63 is 0.504 cents: 1 cent',
      { outcome: 'launched', capturedCents: 63, refundedCents: 0, earlierLaunchedLaunches: 2 },
      1,
      80,
    ],
    [
      '0.8% of 0.62 is 0.496 cents: nothing',
      { outcome: 'launched', capturedCents: 62, refundedCents: 0, earlierLaunchedLaunches: 2 },
      0,
      80,
    ],
    [
      'everything refunded: a fee of 0',
      { outcome: 'launched', capturedCents: 500_000, refundedCents: 500_000, earlierLaunchedLaunches: 0 },
      0,
      100,
    ],
    [
      'no seats sold: a fee of 0',
      { outcome: 'launched', capturedCents: 0, refundedCents: 0, earlierLaunchedLaunches: 0 },
      0,
      100,
    ],
    [
      'amounts past 2^53 / 100 stay exact',
      { outcome: 'launched', capturedCents: 9_000_000_000_000_050, refundedCents: 0, earlierLaunchedLaunches: 0 },
      90_000_000_000_001,
      100,
    ],
    ['an aborted launch: a flat 1,000.00 USD', { outcome: 'aborted' }, 100_000, null],
  ])('%s', (_name, question, amountCents, rateBasisPoints) => {
    const fee = feeFor(question);
    expect(fee.amountCents).toBe(amountCents);
    if (rateBasisPoints === null) expect(fee.rule).toEqual({ kind: 'abort', flatCents: 100_000 });
    else expect(fee.rule).toMatchObject({ kind: 'seat-revenue', rateBasisPoints });
  });

  it('keeps the revenue it was worked out from, for the invoice to show', () => {
    const { rule } = feeFor({
      outcome: 'launched',
      capturedCents: 1_000_000,
      refundedCents: 250_000,
      earlierLaunchedLaunches: 3,
    });
    expect(rule).toEqual({
      kind: 'seat-revenue',
      rateBasisPoints: 80,
      capturedCents: 1_000_000,
      refundedCents: 250_000,
      netRevenueCents: 750_000,
      earlierLaunchedLaunches: 3,
      reliable: true,
    });
    expect(describeFeeRule(rule)).toBe(
      '0.8% of net seat revenue (reliable agency: 3 launched launches before this one)',
    );
    expect(describeFeeRule(feeFor({ outcome: 'aborted' }).rule)).toBe('Flat fee for an aborted launch');
  });
});
