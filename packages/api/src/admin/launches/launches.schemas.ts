import { z } from 'zod';
import {
  launchStatuses,
  ranges,
  type Availability,
  type BookingStatus,
  type Currency,
  type Range,
} from '@astro/domain';
import type { LaunchStatusStep, LaunchSummary } from '../../launch-views.ts';

const when = z.coerce.date({ error: 'Enter a date.' });

export const launchSorts = ['launchDate', 'missionName', 'status', 'agency'] as const;
export type LaunchSort = (typeof launchSorts)[number];

export const listLaunchesInput = z
  .object({
    agencyId: z.uuid('Choose an agency.').optional(),
    status: z.array(z.enum(launchStatuses)).optional(),
    destination: z.enum(ranges, { error: 'Choose a destination.' }).optional(),
    /** Inclusive bounds on the launch date. */
    from: when.optional(),
    to: when.optional(),
    sort: z.enum(launchSorts).default('launchDate'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    page: z.int().min(1).default(1),
    pageSize: z.int().min(1).max(100, 'Ask for at most 100 launches a page.').default(20),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    message: 'The end of the period must not be before its start.',
  });
export type ListLaunchesInput = z.input<typeof listLaunchesInput>;
export type ListLaunchesQuery = z.output<typeof listLaunchesInput>;

export const launchId = z.object({ launchId: z.uuid('That is not a launch of Astro Bookings.') });
export type LaunchId = z.infer<typeof launchId>;

/** A launch as the oversight list shows it: whose it is and how full. */
export interface LaunchOverview extends LaunchSummary {
  agency: { id: string; displayName: string; status: 'active' | 'suspended' };
}

export interface LaunchesPage {
  launches: LaunchOverview[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LaunchBooking {
  id: string;
  customerName: string;
  customerEmail: string;
  seats: number;
  status: BookingStatus;
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  currency: Currency;
  bookedAt: string;
}

export interface LaunchDetail extends LaunchOverview {
  minimumPassengers: number;
  /** Whether the viewer may read the launch's audit history, and if not, why. */
  auditHistory: Availability;
  rocket: { id: string; name: string; capacity: number; range: Range; active: boolean };
  agency: LaunchOverview['agency'] & { legalName: string; contactEmail: string };
  history: LaunchStatusStep[];
  /** Every booking of the launch, newest first, from the booking copies. */
  bookings: LaunchBooking[];
}
