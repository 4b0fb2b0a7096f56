import { describe, expect, it } from 'vitest';
import type { LaunchStatus } from './status.ts';
import {
  availableStatusChanges,
  canEditTerms,
  changeLaunchStatus,
  confirmsByOccupancy,
  type StatusChange,
} from './status-machine.ts';

const now = new Date('2026-11-25T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const launch = (status: LaunchStatus, overrides: Partial<{ launchDate: Date; confirmedSeats: number }> = {}) => ({
  status,
  launchDate: days(30),
  minimumPassengers: 4,
  confirmedSeats: 2,
  ...overrides,
});

const delay: StatusChange = { to: 'delayed', newDate: days(40), reason: 'Second-stage inspection' };
const allowed: [LaunchStatus, StatusChange, Partial<{ launchDate: Date; confirmedSeats: number }>?][] = [
  ['scheduled', { to: 'confirmed' }],
  ['delayed', { to: 'confirmed' }],
  ['scheduled', delay],
  ['confirmed', delay],
  ['delayed', delay],
  ['scheduled', { to: 'aborted', reason: 'technical' }],
  ['confirmed', { to: 'aborted', reason: 'weather' }],
  ['delayed', { to: 'aborted', reason: 'technical' }],
  ['scheduled', { to: 'aborted', reason: 'economic' }],
  ['confirmed', { to: 'launched' }, { launchDate: now }],
  ['confirmed', { to: 'launched' }, { launchDate: days(-1) }],
];

const refused: [LaunchStatus, StatusChange, string, Partial<{ launchDate: Date; confirmedSeats: number }>?][] = [
  ['confirmed', { to: 'confirmed' }, 'This launch is already confirmed.'],
  ['aborted', { to: 'confirmed' }, 'This launch is aborted; its status can no longer change.'],
  ['launched', delay, 'This launch is launched; its status can no longer change.'],
  ['aborted', { to: 'aborted', reason: 'weather' }, 'This launch is aborted; its status can no longer change.'],
  ['launched', { to: 'aborted', reason: 'technical' }, 'This launch is launched; its status can no longer change.'],
  ['scheduled', { ...delay, reason: '  ' }, 'Say why the launch is delayed.'],
  ['scheduled', { ...delay, newDate: days(30) }, 'A delay needs a new launch date later than the current one.'],
  [
    'scheduled',
    { ...delay, newDate: days(-1) },
    'The new launch date must be in the future.',
    { launchDate: days(-2) },
  ],
  [
    'confirmed',
    { to: 'aborted', reason: 'economic' },
    'A launch cannot be aborted for economic reasons once its confirmed seats reach the minimum.',
    { confirmedSeats: 4 },
  ],
  ['scheduled', { to: 'launched' }, 'Only a confirmed launch can be marked as launched.', { launchDate: days(-1) }],
  ['delayed', { to: 'launched' }, 'Only a confirmed launch can be marked as launched.', { launchDate: days(-1) }],
  ['confirmed', { to: 'launched' }, 'Can be marked as launched from 25 Dec 2026, 12:00 UTC, its launch date.'],
];

describe('the launch status machine', () => {
  it.each(allowed)('%s → %o is allowed', (status, change, overrides) => {
    const outcome = changeLaunchStatus(launch(status, overrides), change, now);
    expect(outcome).toMatchObject({ ok: true, status: change.to });
  });

  it.each(refused)('%s → %o is refused: %s', (status, change, problem, overrides) => {
    expect(changeLaunchStatus(launch(status, overrides), change, now)).toEqual({ ok: false, problem });
  });

  it('moves the date on a delay and keeps the reason', () => {
    expect(changeLaunchStatus(launch('scheduled'), delay, now)).toEqual({
      ok: true,
      status: 'delayed',
      launchDate: days(40),
      reason: 'Second-stage inspection',
    });
  });

  it('records the abort reason with its note', () => {
    const outcome = changeLaunchStatus(
      launch('confirmed'),
      { to: 'aborted', reason: 'weather', note: 'Storm front' },
      now,
    );
    expect(outcome).toMatchObject({ ok: true, reason: 'weather: Storm front' });
  });

  it('lets the terms change only while scheduled', () => {
    expect(canEditTerms('scheduled')).toBe(true);
    for (const status of ['confirmed', 'delayed', 'aborted', 'launched'] as const)
      expect(canEditTerms(status)).toBe(false);
  });

  it('confirms a scheduled launch once confirmed seats reach the minimum', () => {
    expect(confirmsByOccupancy(launch('scheduled', { confirmedSeats: 4 }))).toBe(true);
    expect(confirmsByOccupancy(launch('scheduled', { confirmedSeats: 3 }))).toBe(false);
    expect(confirmsByOccupancy(launch('delayed', { confirmedSeats: 9 }))).toBe(false);
  });

  it('offers a confirmed launch no "mark as launched" before its date, and says from when', () => {
    expect(availableStatusChanges(launch('confirmed', { confirmedSeats: 4 }), now)).toEqual({
      confirmed: { allowed: false, reason: 'This launch is already confirmed.' },
      delayed: { allowed: true },
      aborted: { allowed: true },
      economicAbort: {
        allowed: false,
        reason: 'A launch cannot be aborted for economic reasons once its confirmed seats reach the minimum.',
      },
      launched: { allowed: false, reason: 'Can be marked as launched from 25 Dec 2026, 12:00 UTC, its launch date.' },
    });
    expect(availableStatusChanges(launch('confirmed', { launchDate: now }), now).launched).toEqual({ allowed: true });
    const september = new Date('2027-09-03T04:05:00Z');
    expect(availableStatusChanges(launch('confirmed', { launchDate: september }), now).launched).toEqual({
      allowed: false,
      reason: 'Can be marked as launched from 3 Sep 2027, 04:05 UTC, its launch date.',
    });
  });

  it('offers a launched or aborted launch no change at all', () => {
    for (const status of ['launched', 'aborted'] as const) {
      const offered = Object.values(availableStatusChanges(launch(status), now));
      expect(offered.every((change) => !change.allowed)).toBe(true);
    }
  });

  it('refuses exactly what it does not offer', () => {
    for (const [status, change, overrides] of allowed) {
      const offered = availableStatusChanges(launch(status, overrides), now);
      const key = change.to === 'aborted' && change.reason === 'economic' ? 'economicAbort' : change.to;
      expect(offered[key]).toEqual({ allowed: true });
    }
  });
});
