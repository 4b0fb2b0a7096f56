import { describe, expect, it } from 'vitest';
import { overrideProblem, refundQuote } from './refund.ts';

const launchDate = new Date('2028-01-01T12:00:00Z');
const daysBefore = (days: number, extraMs = 0) => new Date(launchDate.getTime() - days * 86_400_000 + extraMs);
const quote = (now: Date, launchDelayedOrAborted = false) =>
  refundQuote({ paidCents: 1_000_001, launchDate, launchDelayedOrAborted, now });

describe('the refund policy', () => {
  it('refunds 90% at exactly 365 days before, 70% a moment later', () => {
    expect(quote(daysBefore(365))).toMatchObject({ percent: 90, refundCents: 900_000 });
    expect(quote(daysBefore(365, 1))).toMatchObject({ percent: 70, refundCents: 700_000 });
  });

  it('refunds 70% at exactly 90 days before, nothing a moment later', () => {
    expect(quote(daysBefore(90))).toMatchObject({ percent: 70 });
    expect(quote(daysBefore(90, 1))).toMatchObject({ percent: 0, refundCents: 0 });
  });

  it('refunds everything after a delay or abort, whenever it is', () => {
    expect(quote(daysBefore(2), true)).toMatchObject({ percent: 100, refundCents: 1_000_001 });
  });

  it('never lets an override exceed what was paid', () => {
    expect(overrideProblem(1_000_001, 1_000_001)).toBeNull();
    expect(overrideProblem(1_000_002, 1_000_001)).toBe('A refund can never be more than what was paid.');
    expect(overrideProblem(-1, 10)).toBe('A refund is a whole number of cents, zero or more.');
  });
});
