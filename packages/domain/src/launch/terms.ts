/** The rules a launch's terms must meet against its rocket (SPEC.md §3), as field-level problems. */
import { canReach, destinationLabels, type Destination, type Range } from './destination.ts';

export interface LaunchTerms {
  destination: Destination;
  launchDate: Date;
  pricePerSeatCents: number;
  minimumPassengers: number;
}

export interface RocketForLaunch {
  name: string;
  capacity: number;
  range: Range;
  active: boolean;
}

/** Problems by field name; empty when the terms are acceptable. */
export function launchTermsProblems(terms: LaunchTerms, rocket: RocketForLaunch, now: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!rocket.active) problems['rocketId'] = `${rocket.name} is deactivated; choose an active rocket.`;
  if (!canReach(rocket.range, terms.destination))
    problems['destination'] =
      `${rocket.name} cannot reach ${destinationLabels[terms.destination]}; its range ends at ${destinationLabels[rocket.range]}.`;
  if (terms.launchDate.getTime() <= now.getTime()) problems['launchDate'] = 'The launch date must be in the future.';
  if (!(terms.pricePerSeatCents > 0)) problems['pricePerSeatCents'] = 'The price per seat must be more than zero.';
  if (terms.minimumPassengers < 1 || terms.minimumPassengers > rocket.capacity)
    problems['minimumPassengers'] = `The minimum must be between 1 and ${rocket.name}'s ${rocket.capacity} seats.`;
  return problems;
}

export const rocketCapacity = { min: 1, max: 100 } as const;
