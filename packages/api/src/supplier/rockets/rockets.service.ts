import { Agency, Rocket } from '@astro/db/operational';
import { bookableStatuses, rocketDeactivation, type Availability, type Range } from '@astro/domain';
import { TRPCError } from '../../trpc.ts';
import type { SupplierContext } from '../context.ts';

export interface AgencyRocket {
  id: string;
  name: string;
  capacity: number;
  range: Range;
  active: boolean;
  upcomingLaunches: number;
  /** Whether the portal may offer to deactivate it, and if not, why. */
  deactivation: Availability;
}

export async function listAgencyRockets(
  ctx: SupplierContext & { agencyId: string },
): Promise<{ agency: { id: string; name: string }; rockets: AgencyRocket[] }> {
  const agency = await ctx.operationalDb.findOne(Agency, { id: ctx.agencyId });
  if (!agency) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'Your agency no longer exists. Contact Astro Bookings support.',
    });
  }
  const rockets = await ctx.operationalDb.find(
    Rocket,
    { agency: agency.id },
    { orderBy: { active: 'desc', name: 'asc' } },
  );
  const upcoming = await ctx.operationalDb.getConnection().execute<{ rocket_id: string; total: string }[]>(
    `select rocket_id, count(*) as total from launch
     where agency_id = ? and launch_date > ? and status in (?) group by rocket_id`,
    [agency.id, ctx.now(), bookableStatuses],
  );
  const upcomingByRocket = new Map(upcoming.map((row) => [row.rocket_id, Number(row.total)]));
  return {
    agency: { id: agency.id, name: agency.displayName },
    rockets: rockets.map((rocket) => {
      const upcomingLaunches = upcomingByRocket.get(rocket.id) ?? 0;
      return {
        id: rocket.id,
        name: rocket.name,
        capacity: rocket.capacity,
        range: rocket.range,
        active: rocket.active,
        upcomingLaunches,
        deactivation: rocketDeactivation({ active: rocket.active, upcomingLaunches }),
      };
    }),
  };
}
