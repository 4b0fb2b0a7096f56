/**
 * Records a sync message for every booking change. A change marks its booking `syncPending` in the same
 * document write (changeBooking); this job writes one message per booking version, keyed by that version so
 * a message copied twice (a crash between copying and clearing the mark) is inserted once, then clears the
 * mark only if the booking has not changed again meanwhile.
 */
import { Booking, bookingCollection, Customer, takingSeats, type CustomerOrm } from '@astro/db/customer';
import { idFromKey, type SystemOrm } from '@astro/db/system';
import { syncMessageOf } from '@astro/db/sync';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';
import { recordSyncMessages, relayBatch } from './record-messages.ts';

/** The same booking version always gets the same message id. */
export const bookingMessageId = (bookingId: string, version: number) => idFromKey(`booking:${bookingId}:${version}`);

export async function relayBookingChanges(
  customer: CustomerOrm,
  system: SystemOrm,
  now: Date,
  limit = relayBatch,
  fence: Fence = unfenced,
) {
  const em = customer.em.fork();
  const changed = (await em.find(Booking, { syncPending: true }, { orderBy: { updatedAt: 'asc' }, limit })).filter(
    // A booking still taking its seats is not a booking yet; it is announced once its hold is in place.
    (booking) => !takingSeats(booking),
  );
  if (changed.length === 0) return 0;
  const travelers = await em.find(Customer, { id: { $in: [...new Set(changed.map((b) => b.customerId))] } });
  const travelerOf = new Map(travelers.map((traveler) => [traveler.id, traveler]));
  await fence.assert();
  await recordSyncMessages(
    system,
    changed.map((booking) => {
      const traveler = travelerOf.get(booking.customerId);
      return {
        id: bookingMessageId(booking.id, booking.version),
        ...syncMessageOf('booking.changed', {
          launchId: booking.launchId,
          customerId: booking.customerId,
          customerName: traveler?.name ?? '',
          customerEmail: traveler?.email ?? '',
          customerTimeZone: traveler?.preferences.timeZone ?? 'UTC',
          customerPhone: traveler?.phone ?? null,
          customerEmergencyContact: traveler?.emergencyContact ?? null,
          seats: booking.seats,
          passengers: booking.passengers,
          unitPriceCents: booking.unitPriceCents,
          totalCents: booking.totalCents,
          currency: booking.currency,
          status: booking.status,
          payments: booking.payments,
          refunds: booking.refunds,
          ...(booking.statusHistory ? { statusHistory: booking.statusHistory } : {}),
          bookedAt: booking.createdAt,
        }),
        source: 'customer',
        target: 'operational',
        entityType: 'booking',
        entityId: booking.id,
        entityVersion: booking.version,
        correlationId: booking.syncCorrelationId ?? null,
        createdAt: now,
      };
    }),
    now,
  );
  for (const booking of changed)
    await bookingCollection(em).updateOne(
      { _id: booking.id as never, version: booking.version },
      { $set: { syncPending: false } },
    );
  return changed.length;
}

export function bookingRelayJob(customer: CustomerOrm, system: SystemOrm): JobDefinition {
  return {
    name: 'booking-sync-relay',
    description: 'Records a sync message for every booking change in the Customer DB',
    schedule: '*/5 * * * * *',
    async run({ now, fence }) {
      return { relayed: await relayBookingChanges(customer, system, now(), relayBatch, fence) };
    },
  };
}
