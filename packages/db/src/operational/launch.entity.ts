import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { uuidKey, timestamps } from '../properties.ts';
import { currencies, launchStatuses, ranges } from '@astro/domain';
import { Agency } from './agency.entity.ts';
import { Rocket } from './rocket.entity.ts';

/**
 * Seats the catalogue had taken beyond a new, smaller capacity of the launch's rocket: the booking copies had not
 * caught up when the change was allowed. The catalogue keeps every taken seat; the supplier sees this to resolve it.
 */
export interface CapacityConflict {
  seatsTaken: number;
  capacity: number;
  /** The launch version whose capacity met the taken seats. */
  version: number;
  /** ISO 8601, when the catalogue found it. */
  at: string;
}

export const Launch = defineEntity({
  name: 'Launch',
  tableName: 'launch',
  indexes: [{ name: 'launch_status_date_index', properties: ['status', 'launchDate'] }],
  uniques: [
    // A rocket flies at most one launch per day; an aborted launch frees the day.
    { name: 'launch_rocket_day_unique', properties: ['rocket', 'launchDay'], where: "status <> 'aborted'" },
  ],
  checks: [
    { name: 'launch_day_check', expression: "launch_day = (launch_date at time zone 'UTC')::date" },
    { name: 'launch_price_check', expression: 'price_per_seat_cents > 0' },
    { name: 'launch_minimum_check', expression: 'minimum_passengers >= 1' },
  ],
  properties: {
    id: uuidKey(),
    agency: () => p.manyToOne(Agency).index(),
    rocket: () => p.manyToOne(Rocket).index(),
    missionName: p.string().length(120),
    destination: p.enum(ranges),
    spaceport: p.string().length(120),
    launchDate: p.datetime(),
    /** The UTC day of the launch, kept as a column so the one-launch-a-day rule is a unique index. */
    launchDay: p.string().columnType('date'),
    pricePerSeatCents: p.bigint('number'),
    currency: p.enum(currencies).default('USD'),
    minimumPassengers: p.integer(),
    status: p.enum(launchStatuses).default('scheduled'),
    slug: p.string().length(200).unique(),
    /** Bumped on every change so the catalogue copy never applies a stale update over a newer one. */
    version: p.integer().default(1),
    /** Written by the Job Scheduler when it applies the launch to the catalogue; null when there is none. */
    capacityConflict: p.json<CapacityConflict>().nullable(),
    statusHistory: () => p.oneToMany(LaunchStatusChange).mappedBy('launch').orderBy({ changedAt: 'asc' }),
    ...timestamps(),
  },
});
export type Launch = InferEntity<typeof Launch>;

/** One entry of a launch's status history: who changed it, when and why. */
export const LaunchStatusChange = defineEntity({
  name: 'LaunchStatusChange',
  tableName: 'launch_status_change',
  properties: {
    id: uuidKey(),
    launch: () => p.manyToOne(Launch).index(),
    fromStatus: p.enum(launchStatuses).nullable(),
    toStatus: p.enum(launchStatuses),
    reason: p.text().nullable(),
    /** The launch date the change set, for delays. */
    launchDate: p.datetime().nullable(),
    changedBy: p.string().length(254),
    changedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type LaunchStatusChange = InferEntity<typeof LaunchStatusChange>;
