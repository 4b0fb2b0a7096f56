/** Launches across every agency, for the back office: oversight of how they fill, and each one's history. */
import { BookingCopy, Launch } from '@astro/db/operational';
import type { BookingStatus, Currency } from '@astro/domain';
import { launchHistoryOf, launchSummaryOf, occupancyOf, type Occupancy } from '../../launch-views.ts';
import { TRPCError } from '../../trpc.ts';
import { auditHistoryOf } from '../audit/audit.service.ts';
import type { AdminContext } from '../context.ts';
import type { LaunchDetail, LaunchesPage, LaunchId, LaunchOverview, ListLaunchesQuery } from './launches.schemas.ts';

const overviewOf = (launch: Launch, occupancy: Occupancy): LaunchOverview => ({
  ...launchSummaryOf(launch, occupancy),
  agency: { id: launch.agency.id, displayName: launch.agency.displayName, status: launch.agency.status },
});

export async function listLaunches(ctx: AdminContext, input: ListLaunchesQuery): Promise<LaunchesPage> {
  const em = ctx.operationalDb;
  const where = {
    ...(input.agencyId ? { agency: input.agencyId } : {}),
    ...(input.status?.length ? { status: { $in: input.status } } : {}),
    ...(input.destination ? { destination: input.destination } : {}),
    ...(input.from || input.to
      ? { launchDate: { ...(input.from ? { $gte: input.from } : {}), ...(input.to ? { $lte: input.to } : {}) } }
      : {}),
  };
  const order =
    input.sort === 'agency' ? { agency: { displayName: input.direction } } : { [input.sort]: input.direction };
  const [launches, total] = await em.findAndCount(Launch, where, {
    populate: ['rocket', 'agency'],
    // Launches of one agency, date or status keep one order from page to page.
    orderBy: [order, { launchDate: 'asc' }, { id: 'asc' }],
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const occupancy = await occupancyOf(em, launches);
  return {
    launches: launches.map((launch) => overviewOf(launch, occupancy.get(launch.id)!)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function launchDetail(ctx: AdminContext, { launchId }: LaunchId): Promise<LaunchDetail> {
  const em = ctx.operationalDb;
  const launch = await em.findOne(Launch, launchId, { populate: ['rocket', 'agency'] });
  if (!launch) throw new TRPCError({ code: 'NOT_FOUND', message: 'That launch does not exist.' });
  const [occupancy, history, bookings] = await Promise.all([
    occupancyOf(em, [launch]),
    launchHistoryOf(em, launch),
    em.find(BookingCopy, { launch: launch.id }, { orderBy: { bookedAt: 'desc', id: 'asc' } }),
  ]);
  const overview = overviewOf(launch, occupancy.get(launch.id)!);
  const { agency, rocket } = launch;
  return {
    ...overview,
    minimumPassengers: launch.minimumPassengers,
    auditHistory: auditHistoryOf(ctx, 'launch'),
    rocket: { id: rocket.id, name: rocket.name, capacity: rocket.capacity, range: rocket.range, active: rocket.active },
    agency: { ...overview.agency, legalName: agency.legalName, contactEmail: agency.contactEmail },
    history,
    bookings: bookings.map((booking) => ({
      id: booking.id,
      customerName: booking.customerName,
      customerEmail: booking.customerEmail,
      seats: booking.seats,
      status: booking.status as BookingStatus,
      totalCents: booking.totalCents,
      paidCents: booking.paidCents,
      refundedCents: booking.refundedCents,
      currency: booking.currency as Currency,
      bookedAt: booking.bookedAt.toISOString(),
    })),
  };
}
