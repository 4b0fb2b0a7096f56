import { describe, expect, it } from 'vitest';
import { formatMoney, money } from './money.ts';

describe('money', () => {
  it('formats cents as dollars with separators', () => {
    expect(formatMoney(money(125_000_00))).toBe('$125,000.00');
    expect(formatMoney(money(5))).toBe('$0.05');
  });
  it('refuses fractions of a cent', () => {
    expect(() => money(10.5)).toThrow(/whole number of cents/);
  });
});
