/** What a customer gets back when they cancel (SPEC.md §3), quoted before they confirm. */

const day = 86_400_000;

export interface RefundQuote {
  percent: 0 | 70 | 90 | 100;
  refundCents: number;
  /** Why this percentage, in words a customer understands. */
  because: string;
}

export function refundQuote(input: {
  paidCents: number;
  launchDate: Date;
  /** The launch was delayed or aborted at some point: the customer is owed everything. */
  launchDelayedOrAborted: boolean;
  now: Date;
}): RefundQuote {
  const quote = (percent: RefundQuote['percent'], because: string): RefundQuote => ({
    percent,
    // Rounded down to the cent: never refund more than the policy says.
    refundCents: Math.floor((input.paidCents * percent) / 100),
    because,
  });
  if (input.launchDelayedOrAborted) return quote(100, 'The launch was delayed or aborted, so you get everything back.');
  const ahead = input.launchDate.getTime() - input.now.getTime();
  if (ahead >= 365 * day) return quote(90, 'You are cancelling at least 365 days before the launch.');
  if (ahead >= 90 * day) return quote(70, 'You are cancelling at least 90 days before the launch.');
  return quote(0, 'Less than 90 days before the launch, seats are not refunded.');
}

/** Finance or admin may override a refund, never beyond what was paid. */
export function overrideProblem(refundCents: number, paidCents: number): string | null {
  if (!Number.isInteger(refundCents) || refundCents < 0) return 'A refund is a whole number of cents, zero or more.';
  if (refundCents > paidCents) return 'A refund can never be more than what was paid.';
  return null;
}
