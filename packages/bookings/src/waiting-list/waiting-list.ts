/** The waiting list of a sold-out launch: first come, first offered (the offer itself is a sync job's). */
import { CatalogueLaunch, WaitingListEntry } from '@astro/db/customer';
import { bookingOpen, seatsProblem } from '@astro/domain';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import { travelerOf } from '../account/traveler.ts';
import type { CustomerContext } from '../context.ts';

export interface WaitingPlace {
  launchId: string;
  slug: string;
  missionName: string;
  launchDate: string;
  seats: number;
  /** 1 is next in line. */
  position: number;
  status: WaitingListEntry['status'];
  /** The priority hold to pay for, once seats were offered. */
  bookingId: string | null;
  joinedAt: string;
}

async function positionOf(ctx: CustomerContext, entry: WaitingListEntry): Promise<number> {
  const ahead = await ctx.customerDb.count(WaitingListEntry, {
    launchId: entry.launchId,
    status: 'waiting',
    $or: [{ joinedAt: { $lt: entry.joinedAt } }, { joinedAt: entry.joinedAt, id: { $lt: entry.id } }],
  });
  return ahead + 1;
}

async function placeOf(ctx: CustomerContext, entry: WaitingListEntry, launch: CatalogueLaunch): Promise<WaitingPlace> {
  return {
    launchId: launch.id,
    slug: launch.slug,
    missionName: launch.missionName,
    launchDate: launch.launchDate.toISOString(),
    seats: entry.seats,
    position: await positionOf(ctx, entry),
    status: entry.status,
    bookingId: entry.bookingId ?? null,
    joinedAt: new Date(entry.joinedAt).toISOString(),
  };
}

export async function myWaitingPlaces(ctx: CustomerContext): Promise<WaitingPlace[]> {
  const traveler = await travelerOf(ctx);
  const entries = await ctx.customerDb.find(
    WaitingListEntry,
    { customerId: traveler.id },
    { orderBy: { joinedAt: 'asc' } },
  );
  const launches = await ctx.customerDb.find(CatalogueLaunch, { id: { $in: entries.map((entry) => entry.launchId) } });
  const byId = new Map(launches.map((launch) => [launch.id, launch]));
  const places: WaitingPlace[] = [];
  for (const entry of entries) {
    const launch = byId.get(entry.launchId);
    if (launch) places.push(await placeOf(ctx, entry, launch));
  }
  return places;
}

export async function joinWaitingList(
  ctx: CustomerContext,
  input: { launchId: string; seats: number },
): Promise<WaitingPlace> {
  const traveler = await travelerOf(ctx);
  const problem = seatsProblem(input.seats, traveler.vip);
  if (problem) fieldProblems({ seats: problem });
  const launch = await ctx.customerDb.findOne(CatalogueLaunch, input.launchId);
  if (!launch) throw new TRPCError({ code: 'NOT_FOUND', message: 'This launch is not in the catalogue.' });
  const now = ctx.now();
  if (!bookingOpen(launch, now))
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Booking for this launch has closed.' });
  const existing = await ctx.customerDb.findOne(WaitingListEntry, { launchId: launch.id, customerId: traveler.id });
  if (existing) return placeOf(ctx, existing, launch);
  if (launch.seatsLeft > 0)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `This launch is not sold out: ${launch.seatsLeft} seats are left, so you can book them now.`,
    });
  try {
    const entry = ctx.customerDb.create(WaitingListEntry, {
      launchId: launch.id,
      customerId: traveler.id,
      seats: input.seats,
      status: 'waiting',
      joinedAt: now,
      bookingId: null,
    });
    await ctx.customerDb.flush();
    ctx.log.info('Joined a waiting list', { launchId: launch.id, customerId: traveler.id });
    return placeOf(ctx, entry, launch);
  } catch (error) {
    // Two joins at the same moment: the unique index keeps one, and both answer with it.
    if ((error as { code?: number }).code !== 11000) throw error;
    ctx.customerDb.clear();
    const entry = await ctx.customerDb.findOneOrFail(WaitingListEntry, {
      launchId: launch.id,
      customerId: traveler.id,
    });
    return placeOf(ctx, entry, launch);
  }
}

export async function leaveWaitingList(ctx: CustomerContext, input: { launchId: string }): Promise<{ left: boolean }> {
  const traveler = await travelerOf(ctx);
  const left = await ctx.customerDb.nativeDelete(WaitingListEntry, {
    launchId: input.launchId,
    customerId: traveler.id,
  });
  if (left) ctx.log.info('Left a waiting list', { launchId: input.launchId, customerId: traveler.id });
  return { left: left > 0 };
}
