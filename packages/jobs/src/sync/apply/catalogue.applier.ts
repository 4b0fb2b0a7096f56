/**
 * A launch change from the Operational DB, applied to the launch catalogue in the Customer DB. Everything
 * but the seat counts follows the Operational DB; seatsLeft moves only by a change of capacity, in the same
 * conditional update, so holds taken meanwhile are never lost, and never below the seats already taken: a
 * capacity under them (allowed while the booking copies lagged) keeps them, and the launch in the Operational
 * DB is told of the conflict for its supplier. A version older than the copy's is ignored.
 * The e-mails a change calls for are owed from the moment the copy is written (the copy counts what it has told)
 * and are queued after every apply, stale or not: a process that dies in between loses none, and queuing by
 * dedupe key never sends one twice.
 */
import {
  Booking,
  bumpCatalogueVersion,
  catalogueCollection,
  Customer,
  type CatalogueLaunch,
  type CustomerEntityManager,
} from '@astro/db/customer';
import type { CapacityConflict, OperationalOrm } from '@astro/db/operational';
import type { LaunchChanged } from '@astro/db/sync';
import { seatsAfterResize } from '@astro/domain';
import { queueEmail, type SystemEntityManager } from '@astro/db/system';
import type { TemplateData } from '@astro/mail';
import type { ApplyOutcome } from './sync-apply.ts';

/** The stored shape: the launch's id is the document's `_id`. */
type CatalogueDocument = Omit<CatalogueLaunch, 'id'> & { _id: string };

const catalogueOf = (em: CustomerEntityManager) => catalogueCollection<CatalogueDocument>(em);

export async function applyLaunchToCatalogue(
  em: CustomerEntityManager,
  system: SystemEntityManager,
  launch: LaunchChanged,
  now: Date,
  operational: OperationalOrm,
): Promise<ApplyOutcome> {
  const outcome = await writeToCatalogue(em, launch, now, operational);
  // The hosts' cached catalogue pages are of the version before (apps/host/src/page-cache.ts).
  if (outcome === 'applied') await bumpCatalogueVersion(em);
  await tellWhatIsOwed(em, system, launch.id, now);
  return outcome;
}

async function writeToCatalogue(
  em: CustomerEntityManager,
  launch: LaunchChanged,
  now: Date,
  operational: OperationalOrm,
) {
  const { id, ...fields } = launch;
  const catalogue = catalogueOf(em);
  // A few tries: a concurrent apply of another version may win the race, and then this one is re-judged.
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await catalogue.findOne(
      { _id: id },
      { projection: { sourceVersion: 1, capacity: 1, seatsLeft: 1, statusHistory: 1, statusChangesTold: 1 } },
    );
    if (!current) {
      const inserted = await catalogue
        .insertOne({
          _id: id,
          ...fields,
          seatsHeld: 0,
          seatsConfirmed: 0,
          seatsLeft: fields.capacity,
          seatsOverCapacity: 0,
          holds: {},
          confirmations: {},
          updatedAt: now,
          statusChangesTold: 0,
          announced: false,
        })
        .then(() => true)
        .catch((error: { code?: number }) => {
          if (error.code === 11000) return false;
          throw error;
        });
      if (inserted) return 'applied';
      continue;
    }
    if (current.sourceVersion > fields.sourceVersion) return 'stale';
    if (current.sourceVersion === fields.sourceVersion) {
      // Applied before, perhaps by a scheduler that died before telling the Operational DB of a conflict.
      await noteCapacityConflict(operational, { id, ...fields }, current.capacity, now);
      return 'stale';
    }
    // A copy from before the count was kept has told everything in its history so far.
    const startCount =
      current.statusChangesTold === null || current.statusChangesTold === undefined
        ? { statusChangesTold: current.statusHistory.length }
        : {};
    const seats = seatsAfterResize(fields.capacity, current.capacity - current.seatsLeft);
    const updated = await catalogue.updateOne(
      seats.conflict
        ? // Seats are given back and taken meanwhile: the clamp holds only for the seats left it was judged on.
          { _id: id, sourceVersion: current.sourceVersion, capacity: current.capacity, seatsLeft: current.seatsLeft }
        : // Holds taken meanwhile add up with the change, as long as they leave it enough seats to cut.
          {
            _id: id,
            sourceVersion: current.sourceVersion,
            capacity: current.capacity,
            seatsLeft: { $gte: current.capacity - fields.capacity },
          },
      seats.conflict
        ? {
            $set: {
              ...fields,
              capacity: seats.capacity,
              seatsLeft: 0,
              seatsOverCapacity: seats.capacity - fields.capacity,
              updatedAt: now,
              ...startCount,
            },
          }
        : {
            $set: { ...fields, seatsOverCapacity: 0, updatedAt: now, ...startCount },
            $inc: { seatsLeft: fields.capacity - current.capacity },
          },
    );
    if (updated.modifiedCount === 1) {
      await noteCapacityConflict(operational, { id, ...fields }, seats.capacity, now);
      return 'applied';
    }
  }
  throw new Error(`The catalogue entry of launch ${id} kept changing while it was being updated`);
}

/**
 * Queues what the copy still owes: the new launch's announcement, and an e-mail per status change not yet told
 * to each traveler with a seat. Each e-mail has its own dedupe key, so any number of appliers may do this at once
 * or again; the copy's counts move on only after the e-mails are queued.
 */
async function tellWhatIsOwed(em: CustomerEntityManager, system: SystemEntityManager, id: string, now: Date) {
  const catalogue = catalogueOf(em);
  const launch = await catalogue.findOne({ _id: id }, { projection: { holds: 0, confirmations: 0 } });
  if (!launch) return;
  if (launch.announced === false) {
    await announceToVips(em, system, launch, now);
    await catalogue.updateOne({ _id: id, announced: false }, { $set: { announced: true } });
  }
  const told = launch.statusChangesTold;
  if (told === null || told === undefined || told >= launch.statusHistory.length) return;
  for (let index = told; index < launch.statusHistory.length; index++)
    await tellTravelers(em, system, launch, index, now);
  await catalogue.updateOne(
    { _id: id, statusChangesTold: { $lt: launch.statusHistory.length } },
    { $set: { statusChangesTold: launch.statusHistory.length } },
  );
}

/**
 * Tells the launch in the Operational DB whether this version's capacity met more seats taken than it has (the
 * catalogue kept `catalogueCapacity` seats), or clears an older conflict. Idempotent, and never lets an older
 * version's note replace a newer one's.
 */
async function noteCapacityConflict(
  operational: OperationalOrm,
  launch: LaunchChanged,
  catalogueCapacity: number,
  now: Date,
) {
  const em = operational.em.fork();
  if (catalogueCapacity > launch.capacity) {
    const conflict: CapacityConflict = {
      seatsTaken: catalogueCapacity,
      capacity: launch.capacity,
      version: launch.sourceVersion,
      at: now.toISOString(),
    };
    await em.execute(
      `update launch set capacity_conflict = ?::jsonb
       where id = ? and (capacity_conflict is null or (capacity_conflict->>'version')::int < ?)`,
      [JSON.stringify(conflict), launch.id, launch.sourceVersion],
    );
  } else {
    await em.execute(
      `update launch set capacity_conflict = null
       where id = ? and capacity_conflict is not null and (capacity_conflict->>'version')::int < ?`,
      [launch.id, launch.sourceVersion],
    );
  }
}

/** A new launch: VIP travelers hear of it first (SPEC.md §7). */
async function announceToVips(
  em: CustomerEntityManager,
  system: SystemEntityManager,
  launch: CatalogueDocument,
  now: Date,
) {
  if (!['scheduled', 'confirmed'].includes(launch.status)) return;
  const vips = await em.fork().find(Customer, { vip: true });
  for (const traveler of vips)
    await queueEmail(
      system,
      {
        dedupeKey: `new-launch:${launch._id}:${traveler.email}`,
        event: 'new-launch',
        recipient: traveler.email,
        template: 'new-launch',
        data: {
          name: traveler.name,
          missionName: launch.missionName,
          destination: launch.destination,
          launchDate: launch.launchDate.toISOString(),
          timeZone: traveler.preferences.timeZone,
          pricePerSeatCents: launch.pricePerSeatCents,
          currency: launch.currency,
          path: `/launches/${launch.slug}`,
        } satisfies TemplateData['new-launch'],
      },
      now,
    );
}

/**
 * Confirmed, delayed, aborted, launched: every traveler who had a seat when it happened hears of it (SPEC.md §7),
 * including one whose booking ended since (an abort cancels them all), but not one who booked after it.
 */
async function tellTravelers(
  em: CustomerEntityManager,
  system: SystemEntityManager,
  launch: CatalogueDocument,
  index: number,
  now: Date,
) {
  const { status, at, reason } = launch.statusHistory[index]!;
  if (status === 'scheduled') return;
  const bookings = await em
    .fork()
    .find(
      Booking,
      { launchId: launch._id, status: { $in: ['confirmed', 'cancelled'] }, createdAt: { $lte: at } },
      { fields: ['customerId', 'status', 'updatedAt'] },
    );
  const seated = bookings.filter((booking) => booking.status === 'confirmed' || booking.updatedAt >= at);
  const travelers = await em.fork().find(Customer, { id: { $in: [...new Set(seated.map((b) => b.customerId))] } });
  for (const traveler of travelers)
    await queueEmail(
      system,
      {
        // Each change of the history is its own news: a launch delayed twice sends two e-mails.
        dedupeKey: `launch-${status}:${launch._id}:change-${index}:${traveler.email}`,
        event: `launch-${status}`,
        recipient: traveler.email,
        template: 'launch-status',
        data: {
          name: traveler.name,
          missionName: launch.missionName,
          launchDate: launch.launchDate.toISOString(),
          timeZone: traveler.preferences.timeZone,
          status,
          reason,
          path: '/bookings',
        } satisfies TemplateData['launch-status'],
      },
      now,
    );
}
