import { z } from 'zod';
import type { bookingActorKinds, EmergencyContact, Passenger } from '@astro/db/sync';
import {
  bookingStatuses,
  type Availability,
  type BookingStatus,
  type Currency,
  type LaunchStatus,
} from '@astro/domain';
import { text } from '../../text.ts';
import type { AuditEntryView } from '../audit/audit.schemas.ts';

type BookingActorKind = (typeof bookingActorKinds)[number];

const bookingId = z.uuid('This is not a booking reference.');
/** A refund an employee sets, in cents; null leaves it to the policy. */
const refundCents = z.number().int('A refund is a whole number of cents.').min(0).nullable().default(null);
/** A calendar day, `YYYY-MM-DD`, as a date field gives it; read in UTC. */
const day = z.iso.date('Enter a date like 2027-03-14.');

export const bookingSorts = ['bookedAt', 'customerName', 'launchDate', 'totalCents', 'status'] as const;
export type BookingSort = (typeof bookingSorts)[number];

export const searchBookingsInput = z
  .object({
    /** A booking reference (or its start), or part of the customer's name or e-mail. */
    query: text({ max: 200 }).trim().optional(),
    launchId: z.uuid('Choose a launch from the list.').optional(),
    agencyId: z.uuid('Choose an agency from the list.').optional(),
    status: z.enum(bookingStatuses).optional(),
    /** Inclusive: bookings made on these days (UTC). */
    bookedFrom: day.optional(),
    bookedTo: day.optional(),
    sort: z.enum(bookingSorts).default('bookedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(100, 'Ask for at most 100 bookings a page.').default(20),
  })
  .refine((input) => !input.bookedFrom || !input.bookedTo || input.bookedFrom <= input.bookedTo, {
    path: ['bookedTo'],
    message: 'The last day must not be before the first.',
  });
export type SearchBookingsInput = z.infer<typeof searchBookingsInput>;

export const bookingIdInput = z.object({ bookingId });
export type BookingIdInput = z.infer<typeof bookingIdInput>;

export const quoteCancellationInput = z.object({ bookingId, refundCents });
export type QuoteCancellationInput = z.infer<typeof quoteCancellationInput>;

export const cancelBookingInput = z.object({
  bookingId,
  reason: text({ max: 500, multiline: true }).trim().min(3, 'Say why the booking is cancelled.'),
  refundCents,
});
export type CancelBookingInput = z.infer<typeof cancelBookingInput>;

export const resendConfirmationInput = z.object({
  bookingId,
  /** Made by the page once per press of the button: the same key sends one e-mail however often it arrives. */
  idempotencyKey: z.uuid('This resend has no valid key; reload the page and try again.'),
});
export type ResendConfirmationInput = z.infer<typeof resendConfirmationInput>;

export interface BookingRow {
  id: string;
  customerName: string;
  customerEmail: string;
  launch: { id: string; missionName: string; launchDate: string };
  agency: { id: string; displayName: string };
  seats: number;
  status: BookingStatus;
  cancellationPending: boolean;
  totalCents: number;
  currency: Currency;
  /** ISO 8601. */
  bookedAt: string;
}

export interface BookingSearchResult {
  bookings: BookingRow[];
  total: number;
  page: number;
  pageSize: number;
  /** What the launch and agency filters offer: every launch that has bookings, every agency. */
  choices: {
    launches: { id: string; missionName: string; launchDate: string }[];
    agencies: { id: string; displayName: string }[];
  };
}

export interface PendingCancellation {
  /** ISO 8601. */
  requestedAt: string;
  requestedBy: string;
  reason: string;
  /** What the employee set; null when the policy decides. */
  refundCents: number | null;
}

export interface BookingDetail {
  id: string;
  status: BookingStatus;
  /** Phone and emergency contact as the traveler's profile said at the booking's last change; null when not given. */
  customer: {
    id: string;
    name: string;
    email: string;
    phone: string | null;
    emergencyContact: EmergencyContact | null;
  };
  launch: {
    id: string;
    missionName: string;
    launchDate: string;
    status: LaunchStatus;
    agency: { id: string; displayName: string };
  };
  seats: number;
  passengers: Passenger[];
  unitPriceCents: number;
  totalCents: number;
  currency: Currency;
  paidCents: number;
  refundedCents: number;
  bookedAt: string;
  /** When the copy last heard from the Customer DB. */
  syncedAt: string;
  ledger: {
    id: string;
    kind: 'payment' | 'refund';
    amountCents: number;
    currency: Currency;
    gatewayReference: string;
    reason: string | null;
    actor: BookingActorKind | null;
    actorEmail: string | null;
    at: string;
  }[];
  timeline: {
    id: string;
    from: BookingStatus | null;
    to: BookingStatus;
    actor: BookingActorKind | null;
    actorEmail: string | null;
    reason: string | null;
    at: string;
  }[];
  /** Newest first, from the System DB's outbox. */
  emails: {
    id: string;
    event: string;
    recipient: string;
    status: 'pending' | 'sent' | 'failed';
    createdAt: string;
    sentAt: string | null;
    lastError: string | null;
  }[];
  /** Newest first. */
  audit: AuditEntryView[];
  /** A cancellation asked for that the booking's copy does not show yet. */
  cancellationPending: PendingCancellation | null;
  /** The last cancellation asked for that the Customer DB refused or could not carry out, and why. */
  cancellationFailed: { requestedAt: string; because: string } | null;
  actions: { cancel: Availability; setRefund: Availability; resendConfirmation: Availability };
}

export interface CancellationQuote {
  /** What the policy gives back if the booking is cancelled now. */
  policyRefundCents: number;
  percent: number;
  because: string;
  /** The most any refund may be: what was paid and not yet given back. */
  maxRefundCents: number;
  /** What this cancellation would refund: the employee's amount, or else the policy's. */
  refundCents: number;
  currency: Currency;
}
