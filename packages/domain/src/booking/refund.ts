/** Whether a booking can be cancelled and what the customer gets back (SPEC.md §3), quoted before they confirm. */
import type { LaunchStatus } from '../launch/status.ts';

const day = 86_400_000;

export interface RefundQuote {
  percent: 0 | 70 | 90 | 100;
  refundCents: number;
  /** Why this percentage, in words a customer understands. */
  because: string;
}

export type CancellationTerms =
  | { cancellable: true; quote: RefundQuote }
  | { cancellable: false; /** Why not, in words a customer understands. */ because: string };

export interface CancellationQuestion {
  /** What was paid and not refunded yet. */
  paidCents: number;
  /** When the booking was made. */
  bookedAt: Date;
  launch: {
    launchDate: Date;
    status: LaunchStatus;
    statusHistory: readonly { status: LaunchStatus; at: Date }[];
  };
  now: Date;
}

export function cancellationTerms({ paidCents, bookedAt, launch, now }: CancellationQuestion): CancellationTerms {
  if (launch.status === 'launched')
    return {
      cancellable: false,
      because: 'This launch has already flown, so its bookings can no longer be cancelled.',
    };
  const quote = (percent: RefundQuote['percent'], because: string): CancellationTerms => ({
    cancellable: true,
    // Rounded down to the cent: never refund more than the policy says.
    quote: { percent, refundCents: Math.floor((paidCents * percent) / 100), because },
  });
  // An aborted launch never flies, and cannot be booked once aborted: whatever its date, everything comes back.
  if (launch.status === 'aborted') return quote(100, 'The launch was aborted, so you get everything back.');
  // The catalogue hears of a flight only after its supplier marks it launched: a date that has come is enough.
  if (now.getTime() >= launch.launchDate.getTime())
    return {
      cancellable: false,
      because: 'The launch date has come, so its bookings can no longer be cancelled.',
    };
  // A delay the customer booked knowing of is not theirs to be compensated for.
  if (launch.statusHistory.some((change) => change.status === 'delayed' && change.at > bookedAt))
    return quote(100, 'The launch was delayed after you booked, so you get everything back.');
  const ahead = launch.launchDate.getTime() - now.getTime();
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
