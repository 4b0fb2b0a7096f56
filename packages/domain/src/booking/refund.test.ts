import { describe, expect, it } from 'vitest';
import type { LaunchStatus } from '../launch/status.ts';
import { cancellationTerms, overrideProblem } from './refund.ts';

const day = 86_400_000;
const launchDate = new Date('2028-01-01T12:00:00Z');
const daysBefore = (days: number, extraMs = 0) => new Date(launchDate.getTime() - days * day + extraMs);
const bookedAt = daysBefore(500);
const before = new Date(bookedAt.getTime() - 1);
const after = new Date(bookedAt.getTime() + 1);

type Case = [
  name: string,
  status: LaunchStatus,
  history: [LaunchStatus, Date][],
  now: Date,
  expected: { percent: number; refundCents: number } | { refused: RegExp },
];

describe('cancelling a booking', () => {
  it.each<Case>([
    ['exactly 365 days before: 90%', 'scheduled', [], daysBefore(365), { percent: 90, refundCents: 900_000 }],
    ['a moment under 365 days: 70%', 'scheduled', [], daysBefore(365, 1), { percent: 70, refundCents: 700_000 }],
    ['exactly 90 days before: 70%', 'confirmed', [], daysBefore(90), { percent: 70, refundCents: 700_000 }],
    ['a moment under 90 days: nothing', 'confirmed', [], daysBefore(90, 1), { percent: 0, refundCents: 0 }],
    [
      'delayed after the booking, 2 days before: everything',
      'delayed',
      [['delayed', after]],
      daysBefore(2),
      { percent: 100, refundCents: 1_000_001 },
    ],
    [
      'delayed after the booking, then confirmed again: everything',
      'confirmed',
      [
        ['delayed', after],
        ['confirmed', after],
      ],
      daysBefore(2),
      { percent: 100, refundCents: 1_000_001 },
    ],
    [
      'delayed before the booking, 2 days before: the policy, nothing',
      'delayed',
      [['delayed', before]],
      daysBefore(2),
      { percent: 0, refundCents: 0 },
    ],
    [
      'delayed before the booking, 400 days before: the policy, 90%',
      'delayed',
      [['delayed', before]],
      daysBefore(400),
      { percent: 90, refundCents: 900_000 },
    ],
    [
      'delayed before and again after the booking: everything',
      'delayed',
      [
        ['delayed', before],
        ['delayed', after],
      ],
      daysBefore(30),
      { percent: 100, refundCents: 1_000_001 },
    ],
    ['aborted: everything', 'aborted', [['aborted', after]], daysBefore(2), { percent: 100, refundCents: 1_000_001 }],
    [
      'aborted after its date came: still everything',
      'aborted',
      [['aborted', after]],
      daysBefore(-1),
      { percent: 100, refundCents: 1_000_001 },
    ],
    [
      'confirmed and its date has come, before the supplier marks it launched: refused',
      'confirmed',
      [['confirmed', after]],
      daysBefore(0),
      { refused: /date has come/ },
    ],
    [
      'delayed after the booking and its new date has come: refused',
      'delayed',
      [['delayed', after]],
      daysBefore(-1),
      { refused: /date has come/ },
    ],
    ['launched: refused', 'launched', [['launched', after]], daysBefore(-1), { refused: /already flown/ }],
    [
      'launched after a delay that came after the booking: still refused',
      'launched',
      [
        ['delayed', after],
        ['launched', after],
      ],
      daysBefore(-1),
      { refused: /can no longer be cancelled/ },
    ],
  ])('%s', (_name, status, history, now, expected) => {
    const terms = cancellationTerms({
      paidCents: 1_000_001,
      bookedAt,
      launch: { launchDate, status, statusHistory: history.map(([status, at]) => ({ status, at })) },
      now,
    });
    if ('refused' in expected)
      expect(terms).toEqual({ cancellable: false, because: expect.stringMatching(expected.refused) });
    else expect(terms).toEqual({ cancellable: true, quote: { ...expected, because: expect.any(String) } });
  });

  it('never lets an override exceed what was paid', () => {
    expect(overrideProblem(1_000_001, 1_000_001)).toBeNull();
    expect(overrideProblem(1_000_002, 1_000_001)).toBe('A refund can never be more than what was paid.');
    expect(overrideProblem(-1, 10)).toBe('A refund is a whole number of cents, zero or more.');
  });
});
