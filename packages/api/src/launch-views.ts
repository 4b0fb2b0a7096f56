/** A launch as the supplier portal and the employee portal both show it: its facts, how full it is, its history. */
import { LaunchStatusChange, listOf, type Launch, type OperationalEntityManager } from '@astro/db/operational';
import type { Currency, LaunchStatus } from '@astro/domain';

export interface Occupancy {
  capacity: number;
  minimum: number;
  confirmedSeats: number;
  heldSeats: number;
  seatsLeft: number;
  /** Whether confirmed seats have reached the minimum the launch needs to fly. */
  viable: boolean;
}

/** The occupancy of each launch (its rocket loaded), in one grouped query however many launches there are. */
export async function occupancyOf(em: OperationalEntityManager, launches: Launch[]): Promise<Map<string, Occupancy>> {
  const rows = launches.length
    ? await em.execute<{ launch_id: string; status: string; seats: string }[]>(
        `select launch_id, status, sum(seats) as seats from booking_copy
         where launch_id in (${listOf(launches)}) and status in ('held', 'confirmed')
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

/** What every portal shows of a launch (its rocket loaded), with its occupancy. */
export const launchSummaryOf = (launch: Launch, occupancy: Occupancy) => ({
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
export type LaunchSummary = ReturnType<typeof launchSummaryOf>;

/** One step of a launch's status history: who changed it, when and why. */
export const launchStatusStepOf = (change: LaunchStatusChange) => ({
  from: change.fromStatus as LaunchStatus | null,
  to: change.toStatus as LaunchStatus,
  reason: change.reason ?? null,
  /** The launch date the change set (a delay's new date), ISO 8601. */
  launchDate: change.launchDate?.toISOString() ?? null,
  /** The e-mail of whoever made the change. */
  by: change.changedBy,
  at: change.changedAt.toISOString(),
});
export type LaunchStatusStep = ReturnType<typeof launchStatusStepOf>;

/** A launch's history, oldest first. */
export const launchHistoryOf = (em: OperationalEntityManager, launch: Launch) =>
  em
    .find(LaunchStatusChange, { launch: launch.id }, { orderBy: { changedAt: 'asc', id: 'asc' } })
    .then((changes) => changes.map(launchStatusStepOf));
