/** An agency's fleet: the list the portal shows, and every rule of SPEC.md §3 for changing it, for any client. */
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Agency,
  announceLaunchChange,
  auditValues,
  changedFields,
  Launch,
  recordAudit,
  Rocket,
  type OperationalEntityManager,
} from '@astro/db/operational';
import { bookableStatuses, canReach, capacityProblem, destinationLabels, rocketDeactivation } from '@astro/domain';
import { auditActorOf } from '../../access.ts';
import { occupancyOf } from '../../launch-views.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { AgencyContext } from '../context.ts';
import { ownRocket } from '../ownership.ts';
import type { AgencyRocket, RocketFields, RocketId, UpdateRocketInput } from './rockets.schemas.ts';

/** Launches still to fly: the ones a rocket is committed to. */
const upcoming = { $in: [...bookableStatuses] };

export async function listAgencyRockets(
  ctx: AgencyContext,
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
  const upcomingCounts = await ctx.operationalDb.getConnection().execute<{ rocket_id: string; total: string }[]>(
    `select rocket_id, count(*) as total from launch
     where agency_id = ? and launch_date > ? and status in (?) group by rocket_id`,
    [agency.id, ctx.now(), bookableStatuses],
  );
  const upcomingByRocket = new Map(upcomingCounts.map((row) => [row.rocket_id, Number(row.total)]));
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

const fieldsOf = (rocket: Rocket) => ({ name: rocket.name, capacity: rocket.capacity, range: rocket.range });

/** The rocket's audit entry, in the transaction of the change. */
const audit = (
  em: OperationalEntityManager,
  ctx: AgencyContext,
  rocket: Rocket,
  action: 'rocket.create' | 'rocket.update' | 'rocket.deactivate',
  change: { before: Record<string, unknown> | null; after: Record<string, unknown> },
) =>
  recordAudit(
    em,
    { actor: auditActorOf(ctx.viewer!), action, target: { type: 'rocket', id: rocket.id }, ...change },
    ctx.now(),
  );

const sameName = (error: unknown, name: string) => {
  if (error instanceof UniqueConstraintViolationException)
    fieldProblems({ name: `You already have a rocket named ${name}.` });
  throw error;
};

export async function createRocket(ctx: AgencyContext, fields: RocketFields) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const rocket = em.create(Rocket, { ...fields, agency: ctx.agencyId, active: true });
      audit(em, ctx, rocket, 'rocket.create', {
        before: null,
        after: auditValues({ ...fieldsOf(rocket), active: true }),
      });
      await em.flush();
      ctx.log.info('Rocket created', { rocketId: rocket.id, agencyId: ctx.agencyId, by: ctx.viewer!.userId });
      return { id: rocket.id };
    })
    .catch((error: unknown) => sameName(error, fields.name));
}

export async function updateRocket(ctx: AgencyContext, { rocketId, ...fields }: UpdateRocketInput) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const rocket = await ownRocket(em, ctx, rocketId);
      // Locked as a launch's own commands lock it, so a rocket change and an edit of the launch never write one version.
      const future = await em.find(
        Launch,
        { rocket: rocket.id, status: upcoming, launchDate: { $gt: ctx.now() } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
      );
      const problems: Record<string, string> = {};
      // Seats held or sold, as far as the booking copies know: a smaller rocket never takes them away.
      const occupancy = await occupancyOf(em, future);
      const tooSmall = capacityProblem(
        fields.capacity,
        future.map((launch) => {
          const { confirmedSeats, heldSeats } = occupancy.get(launch.id)!;
          const { missionName, minimumPassengers } = launch;
          return { missionName, minimumPassengers, seatsTaken: confirmedSeats + heldSeats };
        }),
      );
      if (tooSmall) problems['capacity'] = tooSmall;
      const unreachable = future.find((launch) => !canReach(fields.range, launch.destination));
      if (unreachable)
        problems['range'] =
          `${unreachable.missionName} flies to ${destinationLabels[unreachable.destination]}, beyond that range.`;
      if (Object.keys(problems).length) fieldProblems(problems);

      const shownInCatalogue = rocket.name !== fields.name || rocket.capacity !== fields.capacity;
      const before = fieldsOf(rocket);
      Object.assign(rocket, fields);
      audit(em, ctx, rocket, 'rocket.update', changedFields(before, fieldsOf(rocket)));
      if (shownInCatalogue) {
        // The catalogue shows the rocket's name and seats with each of its launches.
        for (const launch of future) {
          launch.version += 1;
          await announceLaunchChange(em, launch);
        }
      }
      await em.flush();
      ctx.log.info('Rocket changed', { rocketId: rocket.id, by: ctx.viewer!.userId });
      return { id: rocket.id };
    })
    .catch((error: unknown) => sameName(error, fields.name));
}

export async function deactivateRocket(ctx: AgencyContext, { rocketId }: RocketId) {
  return ctx.operationalDb.transactional(async (em) => {
    const rocket = await ownRocket(em, ctx, rocketId);
    if (!rocket.active) return { id: rocket.id, active: false };
    const upcomingLaunches = await em.count(Launch, {
      rocket: rocket.id,
      status: upcoming,
      launchDate: { $gt: ctx.now() },
    });
    const deactivation = rocketDeactivation({ active: true, upcomingLaunches });
    if (!deactivation.allowed)
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `${rocket.name} cannot be deactivated. ${deactivation.reason}`,
      });
    rocket.active = false;
    audit(em, ctx, rocket, 'rocket.deactivate', { before: { active: true }, after: { active: false } });
    await em.flush();
    ctx.log.info('Rocket deactivated', { rocketId: rocket.id, by: ctx.viewer!.userId });
    return { id: rocket.id, active: false };
  });
}
