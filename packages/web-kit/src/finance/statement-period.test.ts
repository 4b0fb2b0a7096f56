import { describe, expect, it } from 'vitest';
import { statementPeriod } from './statement-period.ts';

const now = new Date('2026-12-01T17:00:00Z');

describe("a statement's period from its page's address", () => {
  it('is the month the page is opened in when the address names none', () => {
    expect(statementPeriod({}, now)).toEqual({
      range: false,
      month: '2026-12',
      from: '2026-12-01',
      until: '2026-12-31',
      problem: null,
    });
  });

  it('is the month the address names, to its last day', () => {
    expect(statementPeriod({ month: '2024-02' }, now)).toMatchObject({ from: '2024-02-01', until: '2024-02-29' });
  });

  it('is a range of days when the address names both ends, which wins over the month', () => {
    expect(statementPeriod({ month: '2026-11', from: '2026-10-05', until: '2026-11-20' }, now)).toMatchObject({
      range: true,
      month: null,
      from: '2026-10-05',
      until: '2026-11-20',
      problem: null,
    });
  });

  it('says why a range that ends before it starts cannot be shown', () => {
    expect(statementPeriod({ from: '2026-11-20', until: '2026-11-05' }, now).problem).toBe(
      'The period ends before it starts.',
    );
  });

  it('leaves out what cannot be a month or a range: half a range, a thirteenth month', () => {
    expect(statementPeriod({ month: '2026-13', from: '2026-11-20' }, now)).toMatchObject({ month: '2026-12' });
  });
});
