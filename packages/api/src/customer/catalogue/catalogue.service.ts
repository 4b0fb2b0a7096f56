import { CatalogueLaunch } from '@astro/db/customer';
import { bookableStatuses, isBookable } from '@astro/domain';
import { TRPCError } from '../../trpc.ts';
import type { CustomerContext } from '../context.ts';
import type { CatalogueEntry, LaunchBySlugInput, ListCatalogueInput } from './catalogue.schemas.ts';

/** All a catalogue read needs: the Customer DB and the clock (partners read it too, without a customer context). */
export type CatalogueReader = Pick<CustomerContext, 'customerDb' | 'now'>;

const entryOf = (launch: CatalogueLaunch, now: Date): CatalogueEntry => ({
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
  salesPaused: launch.salesPaused === true,
});

/** Launches that have not flown and are not cancelled, filtered, soonest (or cheapest) first. */
export async function listUpcomingLaunches(
  ctx: CatalogueReader,
  input: ListCatalogueInput,
): Promise<{ launches: CatalogueEntry[] }> {
  const now = ctx.now();
  const monthStart = input.month ? new Date(`${input.month}-01T00:00:00Z`) : null;
  const monthEnd = monthStart ? new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 1)) : null;
  const after = monthStart && monthStart > now ? monthStart : now;
  const price = {
    ...(input.minPriceCents !== undefined ? { $gte: input.minPriceCents } : {}),
    ...(input.maxPriceCents !== undefined ? { $lte: input.maxPriceCents } : {}),
  };
  const launches = await ctx.customerDb.find(
    CatalogueLaunch,
    {
      status: { $in: [...bookableStatuses] },
      launchDate: { $gt: after, ...(monthEnd ? { $lt: monthEnd } : {}) },
      ...(input.destination ? { destination: input.destination } : {}),
      ...(Object.keys(price).length ? { pricePerSeatCents: price } : {}),
      ...(input.minSeatsLeft ? { seatsLeft: { $gte: input.minSeatsLeft } } : {}),
    },
    {
      orderBy: input.sort === 'price' ? { pricePerSeatCents: 'asc', launchDate: 'asc' } : { launchDate: 'asc' },
      limit: input.limit,
    },
  );
  return { launches: launches.map((launch) => entryOf(launch, now)) };
}

/** One launch of the catalogue by its address, with its status history. */
export async function launchBySlug(ctx: CatalogueReader, { slug }: LaunchBySlugInput) {
  const launch = await ctx.customerDb.findOne(CatalogueLaunch, { slug });
  if (!launch) throw new TRPCError({ code: 'NOT_FOUND', message: 'This launch is not in the catalogue (any more).' });
  return {
    ...entryOf(launch, ctx.now()),
    agencyId: launch.agencyId,
    minimumPassengers: launch.minimumPassengers,
    history: launch.statusHistory.map((change) => ({
      status: change.status,
      at: new Date(change.at).toISOString(),
      reason: change.reason,
    })),
  };
}
