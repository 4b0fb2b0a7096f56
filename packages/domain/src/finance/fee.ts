/** What Astro Bookings charges an agency for a launch (SPEC.md §6), and the rule that produced it, shown on the invoice. */

/** An aborted launch is invoiced a flat 1,000.00 USD. */
export const abortFeeCents = 100_000;

/** 1% of net seat revenue, in basis points; 0.8% for a reliable agency. */
export const standardRateBasisPoints = 100;
export const reliableRateBasisPoints = 80;

/** An agency is reliable once it had at least this many launched launches before the one being invoiced. */
export const reliableAfterLaunches = 2;

export const isReliableAgency = (earlierLaunchedLaunches: number) => earlierLaunchedLaunches >= reliableAfterLaunches;

export type FeeRule =
  | {
      kind: 'seat-revenue';
      rateBasisPoints: number;
      /** Payments captured on the launch's bookings, and the refunds given back, from the payment ledger. */
      capturedCents: number;
      refundedCents: number;
      netRevenueCents: number;
      earlierLaunchedLaunches: number;
      reliable: boolean;
    }
  | { kind: 'abort'; flatCents: number };

export interface Fee {
  amountCents: number;
  rule: FeeRule;
}

export type FeeQuestion =
  | { outcome: 'launched'; capturedCents: number; refundedCents: number; earlierLaunchedLaunches: number }
  | { outcome: 'aborted' };

/** Half up to the cent: 0.5 of a cent and more goes up. Amounts are never negative here. */
export function percentOfCents(cents: number, basisPoints: number): number {
  const scaled = BigInt(cents) * BigInt(basisPoints);
  return Number((scaled * 2n + 10_000n) / 20_000n);
}

export function feeFor(question: FeeQuestion): Fee {
  if (question.outcome === 'aborted')
    return { amountCents: abortFeeCents, rule: { kind: 'abort', flatCents: abortFeeCents } };
  const { capturedCents, refundedCents, earlierLaunchedLaunches } = question;
  const netRevenueCents = Math.max(0, capturedCents - refundedCents);
  const reliable = isReliableAgency(earlierLaunchedLaunches);
  const rateBasisPoints = reliable ? reliableRateBasisPoints : standardRateBasisPoints;
  return {
    amountCents: percentOfCents(netRevenueCents, rateBasisPoints),
    rule: {
      kind: 'seat-revenue',
      rateBasisPoints,
      capturedCents,
      refundedCents,
      netRevenueCents,
      earlierLaunchedLaunches,
      reliable,
    },
  };
}

/** "1% of net seat revenue" / "0.8% of net seat revenue (reliable agency)" / "Flat fee for an aborted launch". */
export function describeFeeRule(rule: FeeRule): string {
  if (rule.kind === 'abort') return 'Flat fee for an aborted launch';
  const percent = `${rule.rateBasisPoints / 100}%`;
  return rule.reliable
    ? `${percent} of net seat revenue (reliable agency: ${rule.earlierLaunchedLaunches} launched launches before this one)`
    : `${percent} of net seat revenue`;
}
