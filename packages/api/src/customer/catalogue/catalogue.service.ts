import { CatalogueLaunch } from '@astro/db/customer';
import { isBookable, type Destination, type LaunchStatus } from '@astro/domain';
import type { CustomerContext } from '../context.ts';

export interface CatalogueEntry {
  id: string;
  slug: string;
  missionName: string;
  destination: Destination;
  spaceport: string;
  /** ISO 8601, UTC. */
  launchDate: string;
  status: LaunchStatus;
  agencyName: string;
  rocketName: string;
  pricePerSeatCents: number;
  currency: string;
  capacity: number;
  seatsLeft: number;
  bookable: boolean;
}

const upcomingStatuses: LaunchStatus[] = ['scheduled', 'confirmed', 'delayed'];

/** Launches that have not flown and are not cancelled, soonest first. */
export async function listUpcomingLaunches(ctx: CustomerContext, limit: number): Promise<CatalogueEntry[]> {
  const now = ctx.now();
  const launches = await ctx.customerDb.find(
    CatalogueLaunch,
    { status: { $in: upcomingStatuses }, launchDate: { $gt: now } },
    { orderBy: { launchDate: 'asc' }, limit },
  );
  return launches.map((launch) => ({
    id: launch.id,
    slug: launch.slug,
    missionName: launch.missionName,
    destination: launch.destination,
    spaceport: launch.spaceport,
    launchDate: launch.launchDate.toISOString(),
    status: launch.status,
    agencyName: launch.agencyName,
    rocketName: launch.rocketName,
    pricePerSeatCents: launch.pricePerSeatCents,
    currency: launch.currency,
    capacity: launch.capacity,
    seatsLeft: launch.seatsLeft,
    bookable: isBookable(launch, now),
  }));
}
