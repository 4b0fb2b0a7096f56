/**
 * How a launch of the Operational DB looks in the Customer DB's catalogue. The sync job and the demo
 * seed both use it, so the two can never disagree. Seat counts and what the copy has e-mailed are not part of
 * it: the Customer DB owns them.
 */
import type { Agency } from './operational/agency.entity.ts';
import type { Launch, LaunchStatusChange } from './operational/launch.entity.ts';
import type { Rocket } from './operational/rocket.entity.ts';
import type { LaunchChanged } from './sync/launch-changed.ts';

export function catalogueFieldsOf(
  launch: Pick<
    Launch,
    | 'id'
    | 'slug'
    | 'missionName'
    | 'destination'
    | 'spaceport'
    | 'launchDate'
    | 'status'
    | 'pricePerSeatCents'
    | 'currency'
    | 'minimumPassengers'
    | 'version'
  >,
  rocket: Pick<Rocket, 'id' | 'name' | 'capacity'>,
  agency: Pick<Agency, 'id' | 'displayName' | 'status'>,
  history: Pick<LaunchStatusChange, 'toStatus' | 'changedAt' | 'reason'>[],
): LaunchChanged {
  return {
    id: launch.id,
    slug: launch.slug,
    missionName: launch.missionName,
    destination: launch.destination,
    spaceport: launch.spaceport,
    launchDate: launch.launchDate,
    status: launch.status,
    statusHistory: history.map((change) => ({
      status: change.toStatus,
      at: change.changedAt,
      reason: change.reason ?? null,
    })),
    pricePerSeatCents: launch.pricePerSeatCents,
    currency: launch.currency,
    minimumPassengers: launch.minimumPassengers,
    agencyId: agency.id,
    agencyName: agency.displayName,
    salesPaused: agency.status === 'suspended',
    rocketId: rocket.id,
    rocketName: rocket.name,
    capacity: rocket.capacity,
    sourceVersion: launch.version,
  };
}
