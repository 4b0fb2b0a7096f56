/** A week before a launch, each traveler with a seat gets a reminder (SPEC.md §7), once per launch. */
import { Booking, CatalogueLaunch, Customer, type CustomerEntityManager, type CustomerOrm } from '@astro/db/customer';
import { queueEmail, type SystemEntityManager, type SystemOrm } from '@astro/db/system';
import { bookableStatuses } from '@astro/domain';
import type { TemplateData } from '@astro/mail';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';

const day = 86_400_000;

export async function queueLaunchReminders(
  customer: CustomerEntityManager,
  system: SystemEntityManager,
  now: Date,
  fence: Fence = unfenced,
) {
  const launches = await customer.find(CatalogueLaunch, {
    status: { $in: [...bookableStatuses] },
    launchDate: { $gt: new Date(now.getTime() + 6 * day), $lte: new Date(now.getTime() + 7 * day) },
  });
  let queued = 0;
  for (const launch of launches) {
    const bookings = await customer.find(Booking, { launchId: launch.id, status: 'confirmed' });
    const seatsOf = new Map<string, { seats: number; bookingId: string }>();
    for (const booking of bookings) {
      const seen = seatsOf.get(booking.customerId);
      seatsOf.set(booking.customerId, { seats: (seen?.seats ?? 0) + booking.seats, bookingId: booking.id });
    }
    const travelers = await customer.find(Customer, { id: { $in: [...seatsOf.keys()] } });
    for (const traveler of travelers) {
      const { seats, bookingId } = seatsOf.get(traveler.id)!;
      await fence.assert();
      await queueEmail(
        system,
        {
          dedupeKey: `launch-reminder:${launch.id}:${traveler.email}`,
          event: 'launch-reminder',
          recipient: traveler.email,
          template: 'launch-reminder',
          bookingId,
          data: {
            name: traveler.name,
            missionName: launch.missionName,
            launchDate: launch.launchDate.toISOString(),
            timeZone: traveler.preferences.timeZone,
            spaceport: launch.spaceport,
            seats,
            path: `/bookings/${bookingId}`,
          } satisfies TemplateData['launch-reminder'],
        },
        now,
      );
      queued++;
    }
  }
  return { queued };
}

export function launchRemindersJob(customer: CustomerOrm, system: SystemOrm): JobDefinition {
  return {
    name: 'launch-reminders',
    description: 'E-mails travelers a reminder 7 days before their launch',
    schedule: '0 */10 * * * *',
    run: ({ now, fence }) => queueLaunchReminders(customer.em.fork(), system.em.fork(), now(), fence),
  };
}
