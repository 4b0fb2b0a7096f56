/**
 * A booking change from the Customer DB, applied to its copy in the Operational DB (suppliers' manifests,
 * employees' booking screens, occupancy). The copy moves only forward in version; in the same transaction, its
 * ledger and status history gain the records they lack (each once, by its Customer DB id) and its paid and refunded
 * sums follow the ledger; confirmed seats that reach a scheduled launch's minimum confirm the launch (SPEC.md §3),
 * which is announced back to the catalogue through the outbox like any launch change; seats given back on a launch
 * with a capacity conflict announce it again too.
 */
import { LockMode } from '@mikro-orm/core';
import {
  announceLaunchChange,
  Launch,
  recordBookingRecords,
  recordStatusChange,
  type OperationalEntityManager,
  type OperationalOrm,
} from '@astro/db/operational';
import { queueEmail, type SystemEntityManager } from '@astro/db/system';
import type { BookingChanged } from '@astro/db/sync';
import { changeLaunchStatus, confirmsByOccupancy } from '@astro/domain';
import type { TemplateData } from '@astro/mail';
import type { ApplyOutcome } from './sync-apply.ts';

export async function applyBookingToCopy(
  operational: OperationalOrm,
  system: SystemEntityManager,
  message: { entityId: string; entityVersion: number; payload: BookingChanged },
  now: Date,
): Promise<ApplyOutcome> {
  const booking = message.payload;
  return operational.em.fork().transactional(async (em) => {
    // The sums start at nothing and are set from the ledger below.
    const written = await em.execute<{ id: string }[]>(
      `insert into booking_copy (id, launch_id, customer_id, customer_name, customer_email, customer_phone,
         customer_emergency_contact, seats, passengers, unit_price_cents, total_cents, currency, status, paid_cents,
         refunded_cents, version, booked_at, synced_at)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, 0, 0, ?, ?, ?)
       on conflict (id) do update set
         customer_name = excluded.customer_name, customer_email = excluded.customer_email,
         customer_phone = excluded.customer_phone, customer_emergency_contact = excluded.customer_emergency_contact,
         seats = excluded.seats,
         passengers = excluded.passengers, status = excluded.status, version = excluded.version,
         synced_at = excluded.synced_at
       where booking_copy.version < excluded.version
       returning id`,
      [
        message.entityId,
        booking.launchId,
        booking.customerId,
        booking.customerName,
        booking.customerEmail,
        booking.customerPhone ?? null,
        booking.customerEmergencyContact ? JSON.stringify(booking.customerEmergencyContact) : null,
        booking.seats,
        JSON.stringify(booking.passengers),
        booking.unitPriceCents,
        booking.totalCents,
        booking.currency,
        booking.status,
        message.entityVersion,
        booking.bookedAt,
        now,
      ],
    );
    if (written.length === 0) return 'stale';
    const { refundedCents } = await recordBookingRecords(em, message.entityId, booking);
    if (booking.status === 'confirmed') await confirmLaunchAtMinimum(em, booking.launchId);
    if (booking.status === 'cancelled' || booking.status === 'expired') await refitOverfullLaunch(em, booking.launchId);
    if (booking.status === 'confirmed' || booking.status === 'cancelled')
      await tellCustomerAndAgency(em, system, message.entityId, booking, refundedCents, now);
    return 'applied';
  });
}

/**
 * Booking confirmed or cancelled: the customer and the agency hear of it (SPEC.md §7). Keyed by booking and
 * recipient, so applying this version again, or a later one, sends nothing new.
 */
async function tellCustomerAndAgency(
  em: OperationalEntityManager,
  system: SystemEntityManager,
  bookingId: string,
  booking: BookingChanged,
  refundedCents: number,
  now: Date,
): Promise<void> {
  const launch = await em.findOneOrFail(Launch, booking.launchId, { populate: ['agency'] });
  const facts = {
    missionName: launch.missionName,
    launchDate: launch.launchDate.toISOString(),
    seats: booking.seats,
  };
  const forAgency = {
    ...facts,
    agencyName: launch.agency.displayName,
    customerName: booking.customerName,
    path: `/supplier/launches/${launch.id}`,
  };
  const event = booking.status === 'confirmed' ? 'booking-confirmed' : 'booking-cancelled';
  const customerData =
    booking.status === 'confirmed'
      ? ({
          ...facts,
          timeZone: booking.customerTimeZone,
          name: booking.customerName,
          totalCents: booking.totalCents,
          currency: booking.currency,
          path: `/bookings/${bookingId}`,
        } satisfies TemplateData['booking-confirmed'])
      : ({
          ...facts,
          timeZone: booking.customerTimeZone,
          name: booking.customerName,
          refundCents: refundedCents,
          currency: booking.currency,
          reason: booking.refunds.at(-1)?.reason ?? 'Your booking was cancelled.',
          path: `/bookings/${bookingId}`,
        } satisfies TemplateData['booking-cancelled']);
  const agencyData =
    booking.status === 'confirmed'
      ? ({
          ...forAgency,
          totalCents: booking.totalCents,
          currency: booking.currency,
        } satisfies TemplateData['booking-confirmed-agency'])
      : ({
          ...forAgency,
          reason: booking.refunds.at(-1)?.reason ?? 'The booking was cancelled.',
        } satisfies TemplateData['booking-cancelled-agency']);
  await queueEmail(
    system,
    {
      dedupeKey: `${event}:${bookingId}:${booking.customerEmail}`,
      event,
      recipient: booking.customerEmail,
      template: event,
      data: customerData,
      bookingId,
    },
    now,
  );
  await queueEmail(
    system,
    {
      dedupeKey: `${event}-agency:${bookingId}:${launch.agency.contactEmail}`,
      event: `${event}-agency`,
      recipient: launch.agency.contactEmail,
      template: `${event}-agency`,
      data: agencyData,
      bookingId,
    },
    now,
  );
}

/**
 * Seats came back on a launch whose catalogue kept more seats than its rocket has (a capacity conflict): the launch
 * is announced again, so the catalogue shrinks back towards the rocket's capacity instead of selling those seats.
 */
async function refitOverfullLaunch(em: OperationalEntityManager, launchId: string): Promise<void> {
  const launch = await em.findOneOrFail(Launch, launchId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!launch.capacityConflict) return;
  launch.version += 1;
  await announceLaunchChange(em, launch);
}

async function confirmLaunchAtMinimum(em: OperationalEntityManager, launchId: string): Promise<void> {
  // Locked, so two bookings applied at once judge the launch one after the other.
  const launch = await em.findOneOrFail(Launch, launchId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const [{ seats }] = (await em.execute(
    `select coalesce(sum(seats), 0)::int as seats from booking_copy where launch_id = ? and status = 'confirmed'`,
    [launchId],
  )) as [{ seats: number }];
  const state = {
    status: launch.status,
    launchDate: launch.launchDate,
    minimumPassengers: launch.minimumPassengers,
    confirmedSeats: seats,
  };
  if (!confirmsByOccupancy(state)) return;
  const outcome = changeLaunchStatus(state, { to: 'confirmed' }, new Date());
  if (!outcome.ok) return;
  launch.status = outcome.status;
  launch.version += 1;
  await recordStatusChange(em, launch, {
    from: 'scheduled',
    reason: `Confirmed seats reached the minimum of ${launch.minimumPassengers}.`,
    changedBy: 'Astro Bookings',
  });
}
