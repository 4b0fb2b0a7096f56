import { describe, expect, it } from 'vitest';
import { centsOfTyped, formatMoney, money } from './money.ts';

describe('money', () => {
  it('formats cents as dollars with separators', () => {
    expect(formatMoney(money(125_000_00))).toBe('$125,000.00');
    expect(formatMoney(money(5))).toBe('$0.05');
  });
  it('refuses fractions of a cent', () => {
    expect(() => money(10.5)).toThrow(/whole number of cents/);
  });
});

describe('an amount as a person types it', () => {
  it.each([
    ['1250', 125_000],
    ['1,250.00', 125_000],
    ['$1,250.5', 125_050],
    ['$ 12,345,678.09', 1_234_567_809],
    ['0.05', 5],
    ['7.', 700],
    [' 19.99 ', 1_999],
  ])('reads %j as %i cents', (typed, cents) => {
    expect(centsOfTyped(typed)).toBe(cents);
  });

  it.each(['', 'abc', '1.234', '12,34', '1,2345', '-5', '1e3', '$', '.5', '1 250'])(
    'is not an amount in %j',
    (typed) => {
      expect(centsOfTyped(typed)).toBeNull();
    },
  );
});
