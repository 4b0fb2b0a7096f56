/** What a traveler sees of their bookings: the list, one booking in full, and what cancelling would refund. */
import { Booking, CatalogueLaunch, takingSeats, type Customer, type PaymentRecord } from '@astro/db/customer';
import {
  cancellationTerms,
  capturedCentsOf,
  holdMinutes,
  paidCentsOf,
  refundedCentsOf,
  type BookingStatus,
  type CancellationTerms,
  type Destination,
  type LaunchStatus,
  type RefundQuote,
  Problem,
} from '@astro/domain';
import type { BookingDeps } from '../booking-deps.ts';

export interface BookingView {
  id: string;
  status: BookingStatus;
  seats: number;
  passengers: { name: string; birthDate: string }[];
  unitPriceCents: number;
  totalCents: number;
  currency: string;
  /** ISO 8601 while held. */
  holdExpiresAt: string | null;
  /** How long the hold was given: 10 minutes, or 24 hours from the waiting list. */
  holdMinutes: number;
  paymentUnderWay: boolean;
  paidCents: number;
  refundedCents: number;
  payments: { amountCents: number; outcome: PaymentRecord['outcome']; message: string | null; at: string }[];
  refunds: { amountCents: number; reason: string; at: string }[];
  /** What cancelling now would refund; null unless the booking is confirmed and can still be cancelled. */
  cancellationQuote: RefundQuote | null;
  /** Why a confirmed booking can no longer be cancelled (its launch has flown); null otherwise. */
  cancellationRefused: string | null;
  bookedAt: string;
  launch: {
    id: string;
    slug: string;
    missionName: string;
    destination: Destination;
    spaceport: string;
    launchDate: string;
    status: LaunchStatus;
    rocketName: string;
    agencyName: string;
  } | null;
}

/** One of the signed-in traveler's bookings; someone else's booking does not exist for them. */
export async function ownBooking(
  { customerDb }: Pick<BookingDeps, 'customerDb'>,
  traveler: Customer,
  bookingId: string,
): Promise<Booking> {
  const booking = await customerDb.fork().findOne(Booking, { id: bookingId, customerId: traveler.id });
  if (!booking) throw new Problem('not_found', 'You have no booking with this reference.');
  return booking;
}

/** The cancellation policy applied to this booking now (SPEC.md §3); null unless it is confirmed. */
export function cancellationTermsOf(
  booking: Booking,
  launch: Pick<CatalogueLaunch, 'launchDate' | 'status' | 'statusHistory'> | null,
  now: Date,
): CancellationTerms | null {
  if (booking.status !== 'confirmed' || !launch) return null;
  return cancellationTerms({
    paidCents: paidCentsOf(booking),
    bookedAt: booking.createdAt,
    launch,
    now,
  });
}

const iso = (at: Date | string) => new Date(at).toISOString();

/** A hold past its end is over for the traveler, even in the seconds before the expiry job records it. */
const lapsed = (booking: Booking, now: Date) =>
  booking.status === 'held' && !booking.paymentAttempt && !!booking.holdExpiresAt && booking.holdExpiresAt <= now;

export function bookingViewOf(booking: Booking, launch: CatalogueLaunch | null, now: Date): BookingView {
  const terms = cancellationTermsOf(booking, launch, now);
  return {
    id: booking.id,
    status: lapsed(booking, now) ? 'expired' : booking.status,
    seats: booking.seats,
    passengers: booking.passengers,
    unitPriceCents: booking.unitPriceCents,
    totalCents: booking.totalCents,
    currency: booking.currency,
    holdExpiresAt:
      booking.status === 'held' && booking.holdExpiresAt && !lapsed(booking, now) ? iso(booking.holdExpiresAt) : null,
    holdMinutes: booking.holdMinutes ?? holdMinutes,
    paymentUnderWay: Boolean(booking.paymentAttempt),
    paidCents: capturedCentsOf(booking),
    refundedCents: refundedCentsOf(booking),
    payments: booking.payments.map((payment) => ({
      amountCents: payment.amountCents,
      outcome: payment.outcome,
      message: payment.message,
      at: iso(payment.at),
    })),
    refunds: booking.refunds.map((refund) => ({
      amountCents: refund.amountCents,
      reason: refund.reason,
      at: iso(refund.at),
    })),
    cancellationQuote: terms?.cancellable ? terms.quote : null,
    cancellationRefused: terms && !terms.cancellable ? terms.because : null,
    bookedAt: iso(booking.createdAt),
    launch: launch && {
      id: launch.id,
      slug: launch.slug,
      missionName: launch.missionName,
      destination: launch.destination,
      spaceport: launch.spaceport,
      launchDate: iso(launch.launchDate),
      status: launch.status,
      rocketName: launch.rocketName,
      agencyName: launch.agencyName,
    },
  };
}

export async function bookingDetail(
  deps: Pick<BookingDeps, 'customerDb' | 'now'>,
  traveler: Customer,
  bookingId: string,
): Promise<BookingView> {
  const booking = await ownBooking(deps, traveler, bookingId);
  const launch = await deps.customerDb.fork().findOne(CatalogueLaunch, booking.launchId);
  return bookingViewOf(booking, launch, deps.now());
}

/** The traveler's bookings, newest first; holds that never got their seats are not bookings yet. */
export async function myBookings(
  { customerDb, now }: Pick<BookingDeps, 'customerDb' | 'now'>,
  traveler: Customer,
): Promise<BookingView[]> {
  const bookings = (
    await customerDb.find(Booking, { customerId: traveler.id }, { orderBy: { createdAt: 'desc' }, limit: 200 })
  ).filter((booking) => !takingSeats(booking));
  const launches = await customerDb.find(CatalogueLaunch, {
    id: { $in: [...new Set(bookings.map((b) => b.launchId))] },
  });
  const byId = new Map(launches.map((launch) => [launch.id, launch]));
  return bookings.map((booking) => bookingViewOf(booking, byId.get(booking.launchId) ?? null, now()));
}
