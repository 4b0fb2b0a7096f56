/** Scheduling, editing and moving a launch through its status machine; each change is announced to the catalogue. */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { announceLaunchChange, Launch, recordStatusChange, type OperationalEntityManager } from '@astro/db/operational';
import { canEditTerms, changeLaunchStatus, launchSlug, launchTermsProblems, type StatusChange } from '@astro/domain';
import type { z } from 'zod';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { SupplierContext } from '../context.ts';
import { ownRocket } from '../rockets/rockets.commands.ts';
import { occupancyOf, ownLaunch } from './launches.queries.ts';
import type { launchFields } from './launches.schemas.ts';

type AgencyContext = SupplierContext & { agencyId: string };
type LaunchFields = z.infer<typeof launchFields>;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** The columns a launch's terms fill, with the day and slug that follow from them. */
const termsOf = (fields: LaunchFields) => ({
  missionName: fields.missionName,
  destination: fields.destination,
  spaceport: fields.spaceport,
  launchDate: fields.launchDate,
  launchDay: utcDay(fields.launchDate),
  pricePerSeatCents: fields.pricePerSeatCents,
  minimumPassengers: fields.minimumPassengers,
  slug: launchSlug(fields.missionName, fields.destination, fields.launchDate),
});

/** The database's uniqueness rules, said in the supplier's words. */
function conflict(error: unknown, fields: { missionName: string; launchDate: Date }): never {
  if (error instanceof UniqueConstraintViolationException) {
    if (String(error.message).includes('launch_rocket_day_unique'))
      fieldProblems({ launchDate: `That rocket already flies on ${utcDay(fields.launchDate)}; choose another day.` });
    fieldProblems({ missionName: `${fields.missionName} already launches to that destination on that day.` });
  }
  throw error;
}

const record = (
  em: OperationalEntityManager,
  ctx: AgencyContext,
  launch: Launch,
  change: { from: Launch['status'] | null; reason: string | null; launchDate?: Date },
) => recordStatusChange(em, launch, { ...change, changedBy: ctx.viewer!.email });

export async function scheduleLaunch(ctx: AgencyContext, fields: LaunchFields) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const rocket = await ownRocket(em, ctx, fields.rocketId);
      const problems = launchTermsProblems(fields, rocket, ctx.now());
      if (Object.keys(problems).length) fieldProblems(problems);
      const launch = em.create(Launch, {
        agency: ctx.agencyId,
        rocket: rocket.id,
        ...termsOf(fields),
        status: 'scheduled',
        version: 1,
      });
      await record(em, ctx, launch, { from: null, reason: 'Scheduled', launchDate: fields.launchDate });
      await em.flush();
      ctx.log.info('Launch scheduled', { launchId: launch.id, by: ctx.viewer!.userId });
      return { id: launch.id, slug: launch.slug };
    })
    .catch((error: unknown) => conflict(error, fields));
}

/**
 * One of the agency's launches, its row locked until the transaction ends: two changes of one launch take
 * turns, so each gets its own version (and its own sync message) and neither is lost.
 */
async function lockedLaunch(em: OperationalEntityManager, ctx: AgencyContext, id: string): Promise<Launch> {
  await em.execute('select 1 from launch where id = ? for update', [id]);
  return ownLaunch(em, ctx, id);
}

export async function editLaunch(ctx: AgencyContext, id: string, fields: LaunchFields) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const launch = await lockedLaunch(em, ctx, id);
      if (!canEditTerms(launch.status))
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: `This launch is ${launch.status}: its terms can change only while it is scheduled.`,
        });
      const rocket = await ownRocket(em, ctx, fields.rocketId);
      const problems = launchTermsProblems(fields, rocket, ctx.now());
      const [occupancy] = (await occupancyOf(em, [launch])).values();
      if (occupancy!.confirmedSeats + occupancy!.heldSeats > rocket.capacity)
        problems['rocketId'] =
          `${rocket.name} has too few seats for the ${occupancy!.confirmedSeats + occupancy!.heldSeats} already booked.`;
      if (Object.keys(problems).length) fieldProblems(problems);
      // A price change never touches existing bookings: they keep the price frozen when they were held.
      Object.assign(launch, {
        rocket,
        ...termsOf(fields),
        version: launch.version + 1,
      });
      await announceLaunchChange(em, launch);
      await em.flush();
      ctx.log.info('Launch edited', { launchId: launch.id, by: ctx.viewer!.userId });
      return { id: launch.id, slug: launch.slug };
    })
    .catch((error: unknown) => conflict(error, fields));
}

export async function changeStatus(ctx: AgencyContext, id: string, change: StatusChange) {
  return ctx.operationalDb.transactional(async (em) => {
    const launch = await lockedLaunch(em, ctx, id);
    const [occupancy] = (await occupancyOf(em, [launch])).values();
    const outcome = changeLaunchStatus(
      {
        status: launch.status,
        launchDate: launch.launchDate,
        minimumPassengers: launch.minimumPassengers,
        confirmedSeats: occupancy!.confirmedSeats,
      },
      change,
      ctx.now(),
    );
    if (!outcome.ok) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: outcome.problem });
    const from = launch.status;
    const moved = outcome.launchDate.getTime() !== launch.launchDate.getTime();
    launch.status = outcome.status;
    launch.version += 1;
    if (moved) {
      launch.launchDate = outcome.launchDate;
      launch.launchDay = utcDay(outcome.launchDate);
      launch.slug = launchSlug(launch.missionName, launch.destination, outcome.launchDate);
    }
    // A new day may clash with another launch of the rocket or of the same mission: say so before anything
    // else is written (recording the change reads the database, which would write the launch unchecked).
    await em.flush().catch((error: unknown) => conflict(error, launch));
    await record(em, ctx, launch, {
      from,
      reason: outcome.reason,
      ...(moved ? { launchDate: outcome.launchDate } : {}),
    });
    ctx.log.info('Launch status changed', { launchId: launch.id, from, to: launch.status, by: ctx.viewer!.userId });
    return { id: launch.id, status: launch.status, launchDate: launch.launchDate.toISOString(), slug: launch.slug };
  });
}
