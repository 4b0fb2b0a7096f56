/** The rules of a rocket against the launches it flies (SPEC.md §3): its seats, and when it may be deactivated. */

import { allowed, unavailable, type Availability } from './availability.ts';

export interface LaunchOnRocket {
  missionName: string;
  minimumPassengers: number;
  /** Seats held or sold: a new capacity never takes them away. */
  seatsTaken: number;
}

const seats = (count: number) => `${count} ${count === 1 ? 'seat' : 'seats'}`;

/** Why the rocket cannot have `capacity` seats for the launches ahead of it, or null when it can. */
export function capacityProblem(capacity: number, launches: readonly LaunchOnRocket[]): string | null {
  const taken = launches.filter((launch) => launch.seatsTaken > capacity);
  if (taken.length) {
    const most = taken.reduce((a, b) => (b.seatsTaken > a.seatsTaken ? b : a));
    return `${most.missionName} has ${seats(most.seatsTaken)} held or sold; the rocket needs at least ${most.seatsTaken}.`;
  }
  const tooFew = launches.filter((launch) => launch.minimumPassengers > capacity);
  if (tooFew.length)
    return `${tooFew[0]!.missionName} needs at least ${Math.max(...tooFew.map((launch) => launch.minimumPassengers))} seats.`;
  return null;
}

/**
 * A launch's seats in the catalogue when its rocket's capacity changes. Seats already taken stay taken: when the
 * new capacity is below them (the Operational DB had not heard of them yet), the catalogue keeps capacity at the
 * seats taken, sells none, and reports the conflict.
 */
export function seatsAfterResize(newCapacity: number, seatsTaken: number) {
  const capacity = Math.max(newCapacity, seatsTaken);
  return {
    capacity,
    seatsLeft: capacity - seatsTaken,
    conflict: seatsTaken > newCapacity ? { seatsTaken, capacity: newCapacity } : null,
  };
}

/** A rocket is deactivated, never deleted, and not while a launch is ahead of it. */
export function rocketDeactivation(rocket: { active: boolean; upcomingLaunches: number }): Availability {
  if (!rocket.active) return unavailable('Already deactivated.');
  const ahead = rocket.upcomingLaunches;
  if (ahead > 0)
    return unavailable(
      `Has ${ahead} ${ahead === 1 ? 'launch' : 'launches'} ahead; move or abort ${ahead === 1 ? 'it' : 'them'} first.`,
    );
  return allowed;
}
