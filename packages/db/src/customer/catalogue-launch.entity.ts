import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { currencies, launchStatuses, ranges } from '@astro/domain';
import type { CatalogueStatusChange } from '../sync/launch-changed.ts';

// The launch's history travels from the Operational DB as the catalogue keeps it: the sync contract defines it.
export type { CatalogueStatusChange };

/** Seats one booking holds until it is paid or the hold lapses. */
export interface SeatHold {
  seats: number;
  expiresAt: Date;
}

/**
 * The customer-facing copy of a launch. Everything but the seat counts follows the Operational DB
 * through sync messages; the seat counts belong to the Customer DB, where bookings take seats with
 * one atomic document update.
 */
export const CatalogueLaunch = defineEntity({
  name: 'CatalogueLaunch',
  collection: 'launch_catalogue',
  indexes: [{ properties: ['launchDate'] }, { properties: ['destination', 'launchDate'] }],
  properties: {
    /** The launch's id in the Operational DB. */
    id: p.uuid().primary().fieldName('_id'),
    slug: p.string().unique(),
    missionName: p.string(),
    destination: p.enum(ranges),
    spaceport: p.string(),
    launchDate: p.datetime(),
    status: p.enum(launchStatuses),
    statusHistory: p.json<CatalogueStatusChange[]>(),
    pricePerSeatCents: p.integer(),
    currency: p.enum(currencies),
    minimumPassengers: p.integer(),
    agencyId: p.uuid(),
    agencyName: p.string(),
    /** Set while the agency is suspended: no seat is sold (SPEC.md §8). Absent on copies older than it: not paused. */
    salesPaused: p.boolean().nullable(),
    rocketId: p.uuid(),
    rocketName: p.string(),
    capacity: p.integer(),
    seatsHeld: p.integer().default(0),
    seatsConfirmed: p.integer().default(0),
    /** capacity − held − confirmed, kept in the same document so a hold is one conditional update. */
    seatsLeft: p.integer(),
    /**
     * Seats taken beyond the rocket's capacity: a cut the booking copies had not seen was kept at the seats taken.
     * Seats given back while this is above 0 leave the launch instead of going back on sale. Absent means 0.
     */
    seatsOverCapacity: p.integer().nullable(),
    /**
     * The holds behind `seatsHeld`, by booking id, changed in the same update as the counts: whatever happens
     * to the process afterwards, the seats and the record of who holds them never disagree.
     */
    holds: p.json<Record<string, SeatHold>>(),
    /** The seats of each confirmed booking behind `seatsConfirmed`, so a cancellation gives them back once. */
    confirmations: p.json<Record<string, number>>(),
    /** The Operational DB version this copy reflects; an older message never overwrites it. */
    sourceVersion: p.integer(),
    /**
     * How many entries of `statusHistory` the travelers with a seat have been e-mailed about. The history is
     * written first and this moves on only once the e-mails are queued, so a process that dies in between leaves
     * the e-mails still owed, for whoever applies this launch next. Absent on copies older than the count.
     */
    statusChangesTold: p.integer().nullable(),
    /** False from a new launch's first write until its announcement to VIP travelers is queued. */
    announced: p.boolean().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type CatalogueLaunch = InferEntity<typeof CatalogueLaunch>;
