import { describe, expect, it } from 'vitest';
import { capacityProblem, rocketDeactivation, seatsAfterResize } from './rocket.ts';

const launch = (missionName: string, minimumPassengers: number, seatsTaken: number) => ({
  missionName,
  minimumPassengers,
  seatsTaken,
});

describe('a rocket against the launches it flies', () => {
  it('takes a new capacity that leaves every launch its minimum and every seat held or sold', () => {
    expect(capacityProblem(6, [launch('Dawn', 3, 6), launch('Dusk', 6, 0)])).toBeNull();
  });

  it('refuses a capacity below the seats a launch has taken, naming the launch and its seats', () => {
    expect(capacityProblem(4, [launch('Dawn', 2, 5), launch('Dusk', 2, 7)])).toBe(
      'Dusk has 7 seats held or sold; the rocket needs at least 7.',
    );
    expect(capacityProblem(0, [launch('Dawn', 1, 1)])).toBe(
      'Dawn has 1 seat held or sold; the rocket needs at least 1.',
    );
  });

  it('refuses a capacity below a launch minimum', () => {
    expect(capacityProblem(2, [launch('Dawn', 3, 0)])).toBe('Dawn needs at least 3 seats.');
  });

  it.each([
    [10, 4, { capacity: 10, seatsLeft: 6, conflict: null }],
    [4, 4, { capacity: 4, seatsLeft: 0, conflict: null }],
    [3, 5, { capacity: 5, seatsLeft: 0, conflict: { seatsTaken: 5, capacity: 3 } }],
  ])('resizes to %i seats with %i taken: never fewer seats than taken, never negative seats left', (to, taken, out) => {
    expect(seatsAfterResize(to, taken)).toEqual(out);
  });

  it('is deactivated only with no launch ahead, and says how many there are', () => {
    expect(rocketDeactivation({ active: true, upcomingLaunches: 0 })).toEqual({ allowed: true });
    expect(rocketDeactivation({ active: true, upcomingLaunches: 2 })).toEqual({
      allowed: false,
      reason: 'Has 2 launches ahead; move or abort them first.',
    });
    expect(rocketDeactivation({ active: true, upcomingLaunches: 1 })).toEqual({
      allowed: false,
      reason: 'Has 1 launch ahead; move or abort it first.',
    });
    expect(rocketDeactivation({ active: false, upcomingLaunches: 0 }).allowed).toBe(false);
  });
});
