import { describe, expect, it } from 'vitest';
import { capturedCentsOf, paidCentsOf, refundedCentsOf, type MoneyMoves } from './paid.ts';

const captured = (amountCents: number) => ({ outcome: 'captured', amountCents });
const declined = (amountCents: number) => ({ outcome: 'declined', amountCents });
const failed = (amountCents: number) => ({ outcome: 'failed', amountCents });
const refund = (amountCents: number) => ({ amountCents });

describe('what a booking has paid', () => {
  const cases: [string, MoneyMoves, number, number, number][] = [
    ['a booking never paid', { payments: [], refunds: [] }, 0, 0, 0],
    ['a booking paid once', { payments: [captured(50_000)], refunds: [] }, 50_000, 0, 50_000],
    [
      'a booking paid after a declined and a failed attempt',
      { payments: [declined(50_000), failed(50_000), captured(50_000)], refunds: [] },
      50_000,
      0,
      50_000,
    ],
    ['a booking half refunded', { payments: [captured(50_000)], refunds: [refund(25_000)] }, 50_000, 25_000, 25_000],
    [
      'a booking refunded in two parts',
      { payments: [captured(50_000)], refunds: [refund(20_000), refund(30_000)] },
      50_000,
      50_000,
      0,
    ],
  ];
  it.each(cases)(
    '%s: captured, refunded and kept add up',
    (_name, booking, capturedCents, refundedCents, paidCents) => {
      expect(capturedCentsOf(booking)).toBe(capturedCents);
      expect(refundedCentsOf(booking)).toBe(refundedCents);
      expect(paidCentsOf(booking)).toBe(paidCents);
    },
  );
});
