import { z } from 'zod';
import { ranges, type Destination, type LaunchStatus } from '@astro/domain';
import { text } from '../../text.ts';

export const catalogueSorts = ['date', 'price'] as const;

/** The catalogue's filters, as the site's URL carries them (so a filtered list can be shared). */
export const listCatalogueInput = z
  .object({
    destination: z.enum(ranges, { error: 'Choose a destination from the list.' }).optional(),
    /** A calendar month, YYYY-MM (UTC). */
    month: text({ max: 7 })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM.')
      .optional(),
    minPriceCents: z.number().int().min(0, 'Prices start at 0.').optional(),
    maxPriceCents: z.number().int().min(0, 'Prices start at 0.').optional(),
    minSeatsLeft: z.number().int().min(1, 'Ask for at least 1 seat.').max(100).optional(),
    sort: z.enum(catalogueSorts).default('date'),
    limit: z.number().int().min(1, 'Ask for at least one launch').max(100, 'Ask for at most 100 launches').default(60),
  })
  .default({ sort: 'date', limit: 60 });
export type ListCatalogueInput = z.infer<typeof listCatalogueInput>;

export const launchBySlugInput = z.object({ slug: text({ max: 200 }).min(1, 'Choose a launch.') });
export type LaunchBySlugInput = z.infer<typeof launchBySlugInput>;

export interface CatalogueEntry {
  id: string;
  slug: string;
  missionName: string;
  destination: Destination;
  spaceport: string;
  /** ISO 8601, UTC. */
  launchDate: string;
  status: LaunchStatus;
  agencyName: string;
  rocketName: string;
  pricePerSeatCents: number;
  currency: string;
  capacity: number;
  seatsLeft: number;
  bookable: boolean;
  /** The agency is suspended: no seat is sold until it is reactivated. */
  salesPaused: boolean;
}
