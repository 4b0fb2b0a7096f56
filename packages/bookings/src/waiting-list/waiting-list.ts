/** The waiting list of a sold-out launch: first come, first offered (the offer itself is a sync job's). */
import { CatalogueLaunch, WaitingListEntry, type Customer, type CustomerEntityManager } from '@astro/db/customer';
import { bookingOpen, Problem, salesPausedMessage, seatsProblem } from '@astro/domain';
import type { BookingDeps } from '../booking-deps.ts';

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

async function positionOf(customerDb: CustomerEntityManager, entry: WaitingListEntry): Promise<number> {
  const ahead = await customerDb.count(WaitingListEntry, {
    launchId: entry.launchId,
    status: 'waiting',
    $or: [{ joinedAt: { $lt: entry.joinedAt } }, { joinedAt: entry.joinedAt, id: { $lt: entry.id } }],
  });
  return ahead + 1;
}

async function placeOf(
  customerDb: CustomerEntityManager,
  entry: WaitingListEntry,
  launch: CatalogueLaunch,
): Promise<WaitingPlace> {
  return {
    launchId: launch.id,
    slug: launch.slug,
    missionName: launch.missionName,
    launchDate: launch.launchDate.toISOString(),
    seats: entry.seats,
    position: await positionOf(customerDb, entry),
    status: entry.status,
    bookingId: entry.bookingId ?? null,
    joinedAt: new Date(entry.joinedAt).toISOString(),
  };
}

export async function myWaitingPlaces(
  { customerDb }: Pick<BookingDeps, 'customerDb'>,
  traveler: Customer,
): Promise<WaitingPlace[]> {
  const entries = await customerDb.find(
    WaitingListEntry,
    { customerId: traveler.id },
    { orderBy: { joinedAt: 'asc' } },
  );
  const launches = await customerDb.find(CatalogueLaunch, { id: { $in: entries.map((entry) => entry.launchId) } });
  const byId = new Map(launches.map((launch) => [launch.id, launch]));
  const places: WaitingPlace[] = [];
  for (const entry of entries) {
    const launch = byId.get(entry.launchId);
    if (launch) places.push(await placeOf(customerDb, entry, launch));
  }
  return places;
}

export async function joinWaitingList(
  { customerDb, now: clock, log }: Pick<BookingDeps, 'customerDb' | 'now' | 'log'>,
  traveler: Customer,
  input: { launchId: string; seats: number },
): Promise<WaitingPlace> {
  const problem = seatsProblem(input.seats, traveler.vip);
  if (problem) throw Problem.invalid({ seats: problem });
  const launch = await customerDb.findOne(CatalogueLaunch, input.launchId);
  if (!launch) throw new Problem('not_found', 'This launch is not in the catalogue.');
  const now = clock();
  if (launch.salesPaused) throw new Problem('wrong_state', salesPausedMessage);
  if (!bookingOpen(launch, now)) throw new Problem('wrong_state', 'Booking for this launch has closed.');
  const existing = await customerDb.findOne(WaitingListEntry, { launchId: launch.id, customerId: traveler.id });
  if (existing) return placeOf(customerDb, existing, launch);
  if (launch.seatsLeft > 0)
    throw new Problem(
      'wrong_state',
      `This launch is not sold out: ${launch.seatsLeft} seats are left, so you can book them now.`,
    );
  try {
    const entry = customerDb.create(WaitingListEntry, {
      launchId: launch.id,
      customerId: traveler.id,
      seats: input.seats,
      status: 'waiting',
      joinedAt: now,
      bookingId: null,
    });
    await customerDb.flush();
    log.info('Joined a waiting list', { launchId: launch.id, customerId: traveler.id });
    return placeOf(customerDb, entry, launch);
  } catch (error) {
    // Two joins at the same moment: the unique index keeps one, and both answer with it.
    if ((error as { code?: number }).code !== 11000) throw error;
    customerDb.clear();
    const entry = await customerDb.findOneOrFail(WaitingListEntry, {
      launchId: launch.id,
      customerId: traveler.id,
    });
    return placeOf(customerDb, entry, launch);
  }
}

export async function leaveWaitingList(
  { customerDb, log }: Pick<BookingDeps, 'customerDb' | 'log'>,
  traveler: Customer,
  input: { launchId: string },
): Promise<{ left: boolean }> {
  const left = await customerDb.nativeDelete(WaitingListEntry, {
    launchId: input.launchId,
    customerId: traveler.id,
  });
  if (left) log.info('Left a waiting list', { launchId: input.launchId, customerId: traveler.id });
  return { left: left > 0 };
}
