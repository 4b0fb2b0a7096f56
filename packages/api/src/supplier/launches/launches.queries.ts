/** Reading an agency's launches: the filtered, sorted, paged list; one launch with its history and occupancy. */
import { BookingCopy, Launch, LaunchStatusChange, type OperationalEntityManager } from '@astro/db/operational';
import {
  availableStatusChanges,
  canEditTerms,
  type BookingStatus,
  type Currency,
  type LaunchStatus,
} from '@astro/domain';
import type { z } from 'zod';
import { TRPCError } from '../../trpc.ts';
import type { SupplierContext } from '../context.ts';
import type { listLaunchesInput } from './launches.schemas.ts';

type AgencyContext = SupplierContext & { agencyId: string };

export interface Occupancy {
  capacity: number;
  minimum: number;
  confirmedSeats: number;
  heldSeats: number;
  seatsLeft: number;
  /** Whether confirmed seats have reached the minimum the launch needs to fly. */
  viable: boolean;
}

export async function occupancyOf(em: OperationalEntityManager, launches: Launch[]): Promise<Map<string, Occupancy>> {
  const rows = launches.length
    ? await em.execute<{ launch_id: string; status: string; seats: string }[]>(
        `select launch_id, status, sum(seats) as seats from booking_copy
         where launch_id in (${launches.map(() => '?').join(',')}) and status in ('held', 'confirmed')
         group by launch_id, status`,
        launches.map((launch) => launch.id),
      )
    : [];
  const seats = (id: string, status: string) =>
    Number(rows.find((row) => row.launch_id === id && row.status === status)?.seats ?? 0);
  return new Map(
    launches.map((launch) => {
      const confirmedSeats = seats(launch.id, 'confirmed');
      const heldSeats = seats(launch.id, 'held');
      const capacity = launch.rocket.capacity;
      return [
        launch.id,
        {
          capacity,
          minimum: launch.minimumPassengers,
          confirmedSeats,
          heldSeats,
          seatsLeft: Math.max(0, capacity - confirmedSeats - heldSeats),
          viable: confirmedSeats >= launch.minimumPassengers,
        },
      ];
    }),
  );
}

const summary = (launch: Launch, occupancy: Occupancy) => ({
  id: launch.id,
  slug: launch.slug,
  missionName: launch.missionName,
  destination: launch.destination,
  spaceport: launch.spaceport,
  launchDate: launch.launchDate.toISOString(),
  // Plain values for the wire (MikroORM brands defaulted properties as optional).
  status: launch.status as LaunchStatus,
  pricePerSeatCents: launch.pricePerSeatCents,
  currency: launch.currency as Currency,
  rocket: { id: launch.rocket.id, name: launch.rocket.name },
  occupancy,
  /** Seats the catalogue kept beyond the rocket's capacity, until the supplier resolves it. */
  capacityConflict: launch.capacityConflict ?? null,
});
export type AgencyLaunch = ReturnType<typeof summary>;

export async function listAgencyLaunches(ctx: AgencyContext, input: z.infer<typeof listLaunchesInput>) {
  const em = ctx.operationalDb;
  const where = {
    agency: ctx.agencyId,
    ...(input.status?.length ? { status: { $in: input.status } } : {}),
    ...(input.rocketId ? { rocket: input.rocketId } : {}),
    ...(input.from || input.to
      ? { launchDate: { ...(input.from ? { $gte: input.from } : {}), ...(input.to ? { $lte: input.to } : {}) } }
      : {}),
  };
  const [launches, total] = await em.findAndCount(Launch, where, {
    populate: ['rocket'],
    orderBy: { [input.sort]: input.direction, id: 'asc' },
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const occupancy = await occupancyOf(em, launches);
  return {
    launches: launches.map((launch) => summary(launch, occupancy.get(launch.id)!)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The agency's own launch; another agency's is as good as absent. */
export async function ownLaunch(em: OperationalEntityManager, ctx: AgencyContext, id: string): Promise<Launch> {
  const launch = await em.findOne(Launch, { id, agency: ctx.agencyId }, { populate: ['rocket'] });
  if (!launch) throw new TRPCError({ code: 'NOT_FOUND', message: 'That launch is not one of your agency’s.' });
  return launch;
}

export async function getAgencyLaunch(ctx: AgencyContext, id: string) {
  const em = ctx.operationalDb;
  const launch = await ownLaunch(em, ctx, id);
  const [occupancy, history] = await Promise.all([
    occupancyOf(em, [launch]),
    em.find(LaunchStatusChange, { launch: launch.id }, { orderBy: { changedAt: 'asc', id: 'asc' } }),
  ]);
  const launchOccupancy = occupancy.get(launch.id)!;
  const state = {
    status: launch.status,
    launchDate: launch.launchDate,
    minimumPassengers: launch.minimumPassengers,
    confirmedSeats: launchOccupancy.confirmedSeats,
  };
  return {
    ...summary(launch, launchOccupancy),
    minimumPassengers: launch.minimumPassengers,
    /** What the portal may offer now, by the same rules the commands enforce, with the reason for each it may not. */
    statusChanges: availableStatusChanges(state, ctx.now()),
    termsEditable: canEditTerms(launch.status),
    history: history.map((change) => ({
      from: change.fromStatus as LaunchStatus | null,
      to: change.toStatus as LaunchStatus,
      reason: change.reason,
      launchDate: change.launchDate?.toISOString() ?? null,
      by: change.changedBy,
      at: change.changedAt.toISOString(),
    })),
  };
}

/** The launch's bookings, and who flies: the confirmed bookings' passengers, for the manifest and its CSV. */
export async function launchManifest(ctx: AgencyContext, id: string) {
  const em = ctx.operationalDb;
  const launch = await ownLaunch(em, ctx, id);
  const bookings = await em.find(BookingCopy, { launch: launch.id }, { orderBy: { bookedAt: 'asc', id: 'asc' } });
  const confirmed = bookings.filter((booking) => booking.status === 'confirmed');
  return {
    launch: { id: launch.id, missionName: launch.missionName, launchDate: launch.launchDate.toISOString() },
    bookings: bookings.map((booking) => ({
      id: booking.id,
      customerName: booking.customerName,
      seats: booking.seats,
      status: booking.status as BookingStatus,
      totalCents: booking.totalCents,
      currency: booking.currency as Currency,
      bookedAt: booking.bookedAt.toISOString(),
    })),
    passengers: confirmed.flatMap((booking) =>
      booking.passengers.map((passenger) => ({
        bookingId: booking.id,
        name: passenger.name,
        birthDate: passenger.birthDate,
        bookedBy: booking.customerName,
        contactEmail: booking.customerEmail,
      })),
    ),
  };
}
