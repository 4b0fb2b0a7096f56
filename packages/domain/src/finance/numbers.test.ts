import { describe, expect, it } from 'vitest';
import { documentNumber, numberingYear } from './numbers.ts';

describe('document numbers', () => {
  it.each([
    ['invoice', 2026, 42, 'AB-2026-000042'],
    ['credit-note', 2026, 7, 'CN-2026-000007'],
    ['invoice', 2027, 1, 'AB-2027-000001'],
    ['invoice', 2027, 1_234_567, 'AB-2027-1234567'],
  ] as const)('a %s of %i, number %i, reads %s', (kind, year, sequence, expected) => {
    expect(documentNumber(kind, year, sequence)).toBe(expected);
  });

  it('refuses a sequence below 1', () => {
    expect(() => documentNumber('invoice', 2026, 0)).toThrow(RangeError);
  });

  it('numbers by the UTC calendar year: the last moment of a year in New York is already the next year', () => {
    expect(numberingYear(new Date('2026-12-31T23:59:59.999Z'))).toBe(2026);
    expect(numberingYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
    expect(numberingYear(new Date('2026-12-31T20:00:00-05:00'))).toBe(2027);
  });
});
