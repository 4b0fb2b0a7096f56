/** How full launches are, from the booking copies: what the supplier portal and the employee portal both show. */
import type { Launch, OperationalEntityManager } from '@astro/db/operational';

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
