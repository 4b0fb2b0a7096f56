import { describe, expect, it } from 'vitest';
import { bookingCutoff, bookingOpen, isBookable, type LaunchStatus } from './status.ts';

const now = new Date('2026-06-01T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('isBookable', () => {
  const cases: [string, LaunchStatus, Date, number, boolean][] = [
    ['a scheduled launch a week out with seats', 'scheduled', hours(24 * 7), 3, true],
    ['a confirmed launch', 'confirmed', hours(100), 1, true],
    ['a delayed launch', 'delayed', hours(100), 1, true],
    ['an aborted launch', 'aborted', hours(100), 5, false],
    ['a launched launch', 'launched', hours(100), 5, false],
    ['a launch with no seats left', 'scheduled', hours(100), 0, false],
    ['a launch just over 48 hours away', 'scheduled', hours(48.01), 1, true],
    ['a launch exactly 48 hours away', 'scheduled', hours(48), 1, false],
    ['a launch in the past', 'scheduled', hours(-1), 1, false],
  ];
  it.each(cases)('%s is bookable: %s', (_name, status, launchDate, seatsLeft, expected) => {
    expect(isBookable({ status, launchDate, seatsLeft }, now)).toBe(expected);
  });
});

describe('bookingOpen', () => {
  const cases: [string, LaunchStatus, Date, boolean][] = [
    ['a scheduled launch a week out', 'scheduled', hours(24 * 7), true],
    ['a confirmed launch', 'confirmed', hours(100), true],
    ['a delayed launch', 'delayed', hours(100), true],
    ['an aborted launch', 'aborted', hours(100), false],
    ['a launched launch', 'launched', hours(100), false],
    ['a launch a millisecond past the cut-off', 'scheduled', new Date(hours(48).getTime() + 1), true],
    ['a launch exactly 48 hours away', 'scheduled', hours(48), false],
    ['a launch in the past', 'delayed', hours(-1), false],
  ];
  it.each(cases)('%s takes bookings, sold out or not: %s', (_name, status, launchDate, expected) => {
    expect(bookingOpen({ status, launchDate }, now)).toBe(expected);
  });

  it('a launch whose agency is suspended takes no bookings, whatever its status and date', () => {
    expect(bookingOpen({ status: 'scheduled', launchDate: hours(24 * 7), salesPaused: true }, now)).toBe(false);
    expect(isBookable({ status: 'confirmed', launchDate: hours(100), seatsLeft: 4, salesPaused: true }, now)).toBe(
      false,
    );
    expect(bookingOpen({ status: 'scheduled', launchDate: hours(24 * 7), salesPaused: false }, now)).toBe(true);
  });

  it('the cut-off is the moment 48 hours from now', () => {
    expect(bookingCutoff(now)).toEqual(hours(48));
  });
});
