/** Changing an agency's fleet: every rule of SPEC.md §3 for rockets, for any client of the API. */
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { announceLaunchChange, Launch, Rocket, type OperationalEntityManager } from '@astro/db/operational';
import { bookableStatuses, canReach, capacityProblem, destinationLabels, rocketDeactivation } from '@astro/domain';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { SupplierContext } from '../context.ts';
import { occupancyOf } from '../launches/launches.queries.ts';
import type { z } from 'zod';
import type { rocketFields } from './rockets.schemas.ts';

type AgencyContext = SupplierContext & { agencyId: string };
type RocketFields = z.infer<typeof rocketFields>;

/** Launches still to fly: the ones a rocket is committed to. */
const upcoming = { $in: [...bookableStatuses] };

/** The agency's own rocket; another agency's is as good as absent. */
export async function ownRocket(em: OperationalEntityManager, ctx: AgencyContext, id: string): Promise<Rocket> {
  const rocket = await em.findOne(Rocket, { id, agency: ctx.agencyId });
  if (!rocket) throw new TRPCError({ code: 'NOT_FOUND', message: 'That rocket is not one of your agency’s.' });
  return rocket;
}

const sameName = (error: unknown, name: string) => {
  if (error instanceof UniqueConstraintViolationException)
    fieldProblems({ name: `You already have a rocket named ${name}.` });
  throw error;
};

export async function createRocket(ctx: AgencyContext, fields: RocketFields) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const rocket = em.create(Rocket, { ...fields, agency: ctx.agencyId, active: true });
      await em.flush();
      ctx.log.info('Rocket created', { rocketId: rocket.id, agencyId: ctx.agencyId, by: ctx.viewer!.userId });
      return { id: rocket.id };
    })
    .catch((error: unknown) => sameName(error, fields.name));
}

export async function updateRocket(ctx: AgencyContext, id: string, fields: RocketFields) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const rocket = await ownRocket(em, ctx, id);
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
      Object.assign(rocket, fields);
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

export async function deactivateRocket(ctx: AgencyContext, id: string) {
  return ctx.operationalDb.transactional(async (em) => {
    const rocket = await ownRocket(em, ctx, id);
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
    await em.flush();
    ctx.log.info('Rocket deactivated', { rocketId: rocket.id, by: ctx.viewer!.userId });
    return { id: rocket.id, active: false };
  });
}
