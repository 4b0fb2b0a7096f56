/**
 * An agency's launches: the filtered, sorted, paged list; one launch with its history and occupancy; its manifest;
 * scheduling, editing and moving a launch through its status machine, each change announced to the catalogue.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  announceLaunchChange,
  auditValues,
  BookingCopy,
  changedFields,
  Launch,
  recordAudit,
  recordStatusChange,
  type OperationalEntityManager,
} from '@astro/db/operational';
import {
  availableStatusChanges,
  canEditTerms,
  changeLaunchStatus,
  launchSlug,
  launchTermsProblems,
  type BookingStatus,
  type Currency,
} from '@astro/domain';
import { auditActorOf } from '../../access.ts';
import { launchHistoryOf, launchSummaryOf, occupancyOf, type LaunchSummary } from '../../launch-views.ts';
import { toCsv } from '../../csv.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { AgencyContext } from '../context.ts';
import { ownLaunch, ownRocket } from '../ownership.ts';
import type {
  ChangeStatusInput,
  LaunchFields,
  LaunchId,
  ListLaunchesInput,
  UpdateLaunchInput,
} from './launches.schemas.ts';

export type AgencyLaunch = LaunchSummary;

export async function listAgencyLaunches(ctx: AgencyContext, input: ListLaunchesInput) {
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
    launches: launches.map((launch) => launchSummaryOf(launch, occupancy.get(launch.id)!)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function getAgencyLaunch(ctx: AgencyContext, { launchId }: LaunchId) {
  const em = ctx.operationalDb;
  const launch = await ownLaunch(em, ctx, launchId);
  const [occupancy, history] = await Promise.all([occupancyOf(em, [launch]), launchHistoryOf(em, launch)]);
  const launchOccupancy = occupancy.get(launch.id)!;
  const state = {
    status: launch.status,
    launchDate: launch.launchDate,
    minimumPassengers: launch.minimumPassengers,
    confirmedSeats: launchOccupancy.confirmedSeats,
  };
  return {
    ...launchSummaryOf(launch, launchOccupancy),
    minimumPassengers: launch.minimumPassengers,
    /** What the portal may offer now, by the same rules the commands enforce, with the reason for each it may not. */
    statusChanges: availableStatusChanges(state, ctx.now()),
    termsEditable: canEditTerms(launch.status),
    history,
  };
}

/** The launch's bookings, and who flies: the confirmed bookings' passengers, for the manifest and its CSV. */
export async function launchManifest(ctx: AgencyContext, { launchId }: LaunchId) {
  const em = ctx.operationalDb;
  const launch = await ownLaunch(em, ctx, launchId);
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

export async function launchManifestCsv(ctx: AgencyContext, input: LaunchId) {
  const { launch, passengers } = await launchManifest(ctx, input);
  return {
    filename: `manifest-${launch.missionName.replace(/[^\w-]+/g, '-').toLowerCase()}-${launch.launchDate.slice(0, 10)}.csv`,
    csv: toCsv(
      ['Passenger', 'Birth date', 'Booking', 'Booked by', 'Contact e-mail'],
      passengers.map((p) => [p.name, p.birthDate, p.bookingId, p.bookedBy, p.contactEmail]),
    ),
  };
}

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

/** A launch's terms as its audit entries show them. */
const auditedTermsOf = (launch: Launch) => ({
  rocketId: launch.rocket.id,
  missionName: launch.missionName,
  destination: launch.destination,
  spaceport: launch.spaceport,
  launchDate: launch.launchDate,
  pricePerSeatCents: launch.pricePerSeatCents,
  minimumPassengers: launch.minimumPassengers,
});

/** The launch's audit entry, in the transaction of the change. */
const audit = (
  em: OperationalEntityManager,
  ctx: AgencyContext,
  launch: Launch,
  action: 'launch.schedule' | 'launch.edit' | 'launch.changeStatus',
  change: { before: Record<string, unknown> | null; after: Record<string, unknown>; reason?: string | null },
) =>
  recordAudit(
    em,
    { actor: auditActorOf(ctx.viewer!), action, target: { type: 'launch', id: launch.id }, ...change },
    ctx.now(),
  );

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
      audit(em, ctx, launch, 'launch.schedule', {
        before: null,
        after: auditValues({ ...auditedTermsOf(launch), status: launch.status }),
      });
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

export async function editLaunch(ctx: AgencyContext, { launchId, ...fields }: UpdateLaunchInput) {
  return ctx.operationalDb
    .transactional(async (em) => {
      const launch = await lockedLaunch(em, ctx, launchId);
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
      const before = auditedTermsOf(launch);
      // A price change never touches existing bookings: they keep the price frozen when they were held.
      Object.assign(launch, {
        rocket,
        ...termsOf(fields),
        version: launch.version + 1,
      });
      audit(em, ctx, launch, 'launch.edit', changedFields(before, auditedTermsOf(launch)));
      await announceLaunchChange(em, launch);
      await em.flush();
      ctx.log.info('Launch edited', { launchId: launch.id, by: ctx.viewer!.userId });
      return { id: launch.id, slug: launch.slug };
    })
    .catch((error: unknown) => conflict(error, fields));
}

export async function changeStatus(ctx: AgencyContext, { launchId, ...change }: ChangeStatusInput) {
  return ctx.operationalDb.transactional(async (em) => {
    const launch = await lockedLaunch(em, ctx, launchId);
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
    const before = launch.launchDate;
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
    audit(em, ctx, launch, 'launch.changeStatus', {
      ...changedFields({ status: from, launchDate: before }, { status: launch.status, launchDate: launch.launchDate }),
      reason: outcome.reason,
    });
    ctx.log.info('Launch status changed', { launchId: launch.id, from, to: launch.status, by: ctx.viewer!.userId });
    return { id: launch.id, status: launch.status, launchDate: launch.launchDate.toISOString(), slug: launch.slug };
  });
}
