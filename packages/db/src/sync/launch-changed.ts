import { z } from 'zod';
import { currencies, launchStatuses, ranges } from '@astro/domain';
import { moment } from './moment.ts';

export const catalogueStatusChange = z.object({
  status: z.enum(launchStatuses),
  at: moment,
  reason: z.string().nullable(),
});
export type CatalogueStatusChange = z.infer<typeof catalogueStatusChange>;

/**
 * `catalogue.launch-changed`: a launch as the catalogue shows it, announced by the Operational DB with every change.
 * Seat counts and what the catalogue copy has e-mailed are not part of it: the Customer DB owns them, and the
 * schema drops them whatever a message says.
 */
export const launchChanged = z.object({
  id: z.string(),
  slug: z.string(),
  missionName: z.string(),
  destination: z.enum(ranges),
  spaceport: z.string(),
  launchDate: moment,
  status: z.enum(launchStatuses),
  statusHistory: z.array(catalogueStatusChange),
  pricePerSeatCents: z.int().nonnegative(),
  currency: z.enum(currencies),
  minimumPassengers: z.int().nonnegative(),
  agencyId: z.string(),
  agencyName: z.string(),
  /** True while the agency is suspended (SPEC.md §8): the catalogue sells no seat of the launch. Older messages lack it. */
  salesPaused: z.boolean().default(false),
  rocketId: z.string(),
  rocketName: z.string(),
  capacity: z.int().nonnegative(),
  /** The launch's version in the Operational DB. */
  sourceVersion: z.int(),
});
export type LaunchChanged = z.infer<typeof launchChanged>;
