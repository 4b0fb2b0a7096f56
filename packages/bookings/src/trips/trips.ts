/**
 * Trips flown and the VIP flag (SPEC.md §3), recounted from confirmed bookings on launches that have flown. A trip
 * is a launch flown, not a booking: two bookings on one flight are one trip.
 */
import { Booking, CatalogueLaunch, Customer, type CustomerEntityManager } from '@astro/db/customer';
import type { Fence } from '@astro/db/system';
import { isVip } from '@astro/domain';

export async function recountTripsFlown(em: CustomerEntityManager, fence: Fence): Promise<{ updated: number }> {
  const flown = await em.find(CatalogueLaunch, { status: 'launched' }, { fields: ['id'] });
  const launchesFlown = new Map<string, Set<string>>();
  const bookings = await em.find(
    Booking,
    { launchId: { $in: flown.map((launch) => launch.id) }, status: 'confirmed' },
    { fields: ['customerId', 'launchId'] },
  );
  for (const booking of bookings)
    launchesFlown.set(booking.customerId, (launchesFlown.get(booking.customerId) ?? new Set()).add(booking.launchId));
  const trips = new Map([...launchesFlown].map(([customerId, launches]) => [customerId, launches.size]));
  const travelers = await em.find(Customer, { $or: [{ id: { $in: [...trips.keys()] } }, { tripsFlown: { $gt: 0 } }] });
  let updated = 0;
  for (const traveler of travelers) {
    const tripsFlown = trips.get(traveler.id) ?? 0;
    if (traveler.tripsFlown === tripsFlown && traveler.vip === isVip(tripsFlown)) continue;
    await fence.assert();
    updated += await em.nativeUpdate(Customer, { id: traveler.id }, { tripsFlown, vip: isVip(tripsFlown) });
  }
  return { updated };
}
