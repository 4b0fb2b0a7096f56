import { z } from 'zod';
import type { Availability } from '@astro/domain';
import { text } from '../../text.ts';

const agencyId = z.uuid('Choose an agency.');

/** Legal data goes on invoices; tax ids are kept in capitals so one written in lower case is still the same id. */
const legalFields = {
  legalName: text({ max: 200, tooLong: 'Use at most 200 characters for the legal name.' })
    .trim()
    .min(1, 'Enter the legal name, as registered.'),
  taxId: text({ max: 40, tooLong: 'Use at most 40 characters for the tax id.' })
    .trim()
    .min(3, 'Enter the tax id.')
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, 'Use letters, digits, spaces, dots, dashes or slashes, like US-84-2039117.')
    .toUpperCase(),
  legalAddress: text({ max: 500, multiline: true, tooLong: 'Use at most 500 characters for the legal address.' })
    .trim()
    .min(5, 'Enter the full legal address.'),
};

export const legalInput = z.object({ agencyId, ...legalFields });
export type LegalInput = z.infer<typeof legalInput>;

export const onboardInput = z.object({
  displayName: text({ max: 120, tooLong: 'Use at most 120 characters for the display name.' })
    .trim()
    .min(1, 'Enter the name travelers see on its launches.'),
  ...legalFields,
  contactEmail: z
    .email('Enter an e-mail address like bookings@agency.example.')
    .max(254, 'Use at most 254 characters for the e-mail address.'),
  description: text({ max: 2000, multiline: true, tooLong: 'Use at most 2,000 characters for the description.' })
    .trim()
    .min(1, 'Describe the agency in a sentence or two: travelers read it.'),
});
export type OnboardInput = z.infer<typeof onboardInput>;

export const agencyIdInput = z.object({ agencyId });
export type AgencyIdInput = z.infer<typeof agencyIdInput>;

/** Suspending and reactivating both need a reason (SPEC.md §8): it stays on the agency's history. */
export const statusChangeInput = z.object({
  agencyId,
  reason: text({ max: 500, multiline: true, tooLong: 'Use at most 500 characters for the reason.' })
    .trim()
    .min(5, 'Give the reason in a few words: it stays on the agency’s history.'),
});
export type StatusChangeInput = z.infer<typeof statusChangeInput>;

export type AgencyStatus = 'active' | 'suspended';

export interface AgencySummary {
  id: string;
  displayName: string;
  legalName: string;
  contactEmail: string;
  status: AgencyStatus;
  rockets: number;
  upcomingLaunches: number;
  /** ISO 8601. */
  onboardedAt: string;
}

/** One suspension or reactivation, as the audit trail recorded it. */
export interface AgencyStatusChange {
  status: AgencyStatus;
  reason: string | null;
  by: string;
  /** ISO 8601. */
  at: string;
}

export interface AgencySupplier {
  id: string;
  name: string;
  email: string;
  /** Invited and not yet signed in with a password of their own. */
  invited: boolean;
}

export interface AgencyDetail {
  id: string;
  displayName: string;
  legalName: string;
  taxId: string;
  legalAddress: string;
  contactEmail: string;
  description: string;
  status: AgencyStatus;
  /** ISO 8601. */
  onboardedAt: string;
  /** Oldest first. */
  statusHistory: AgencyStatusChange[];
  suppliers: AgencySupplier[];
  counts: { rockets: number; launches: number; upcomingLaunches: number; confirmedBookings: number };
  /** Whether the viewer may open the agency's audit history, and if not, why. */
  auditHistory: Availability;
}
