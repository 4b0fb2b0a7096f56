/**
 * Seats that come back go to the first in line (SPEC.md §3): a priority hold of 24 hours in their name and an
 * e-mail saying so. Strictly in order: while the first in line cannot be served, nobody behind them jumps ahead.
 * Every step can be repeated (the hold's key is the entry's), so a crash halfway, or a run that lost its lease (its
 * fence throws before each entry's writes), is finished by the next run.
 */
import { CatalogueLaunch, Customer, WaitingListEntry, type CustomerEntityManager } from '@astro/db/customer';
import { queueEmail, type Fence, type SystemEntityManager } from '@astro/db/system';
import { isBookable, priorityHoldHours, Problem } from '@astro/domain';
import { holdSeats } from '../holds/holds.ts';

export async function offerReturnedSeats(
  customerDb: CustomerEntityManager,
  systemDb: SystemEntityManager,
  now: Date,
  fence: Fence,
): Promise<{ offered: number }> {
  const waiting = await customerDb.find(
    WaitingListEntry,
    { status: 'waiting' },
    { orderBy: { joinedAt: 'asc', id: 'asc' }, limit: 1000 },
  );
  const firstInLine = new Map<string, WaitingListEntry>();
  for (const entry of waiting) if (!firstInLine.has(entry.launchId)) firstInLine.set(entry.launchId, entry);
  let offered = 0;
  for (const entry of firstInLine.values()) {
    const launch = await customerDb.fork().findOne(CatalogueLaunch, entry.launchId);
    if (!launch || !isBookable(launch, now) || launch.seatsLeft < entry.seats) continue;
    await fence.assert();
    let bookingId: string;
    try {
      const held = await holdSeats(customerDb, now, {
        launch,
        customerId: entry.customerId,
        seats: entry.seats,
        idempotencyKey: `waiting-list:${entry.id}`,
        holdMinutes: priorityHoldHours * 60,
        by: { kind: 'system' },
        reason: 'Seats came back to the first on the waiting list: a priority hold.',
      });
      bookingId = 'repeatOf' in held ? held.repeatOf : held.bookingId;
    } catch (error) {
      // Someone else took the seats first, or the launch closed: the entry keeps its place.
      if (error instanceof Problem) continue;
      throw error;
    }
    const traveler = await customerDb.fork().findOneOrFail(Customer, entry.customerId);
    await queueEmail(
      systemDb,
      {
        dedupeKey: `waiting-list-offer:${entry.id}`,
        event: 'waiting-list-offer',
        recipient: traveler.email,
        template: 'waiting-list-offer',
        bookingId,
        data: {
          name: traveler.name,
          missionName: launch.missionName,
          seats: entry.seats,
          hours: priorityHoldHours,
          path: `/bookings/${bookingId}`,
        },
      },
      now,
    );
    await customerDb.nativeUpdate(
      WaitingListEntry,
      { id: entry.id, status: 'waiting' },
      { status: 'offered', bookingId },
    );
    offered++;
  }
  return { offered };
}
