import { expireLapsedHolds } from '@astro/bookings';
import { CatalogueLaunch, Customer, type CustomerOrm } from '@astro/db/customer';
import { queueEmail, type SystemOrm } from '@astro/db/system';
import { holdMinutes } from '@astro/domain';
import type { TemplateData } from '@astro/mail';
import type { JobDefinition } from '../scheduler.ts';

/**
 * Gives the seats of lapsed holds back so others can book them (SPEC.md §3: holds last 10 minutes), and tells
 * each customer through the e-mail outbox — before the hold ends, so a crash can repeat the e-mail (once, by
 * its key) but never skip it.
 */
export function holdExpiryJob(customer: CustomerOrm, system: SystemOrm): JobDefinition {
  return {
    name: 'hold-expiry',
    description: 'Expires lapsed seat holds, gives their seats back and tells the customer',
    schedule: '*/15 * * * * *',
    run: ({ now, fence }) => {
      const em = customer.em.fork();
      return expireLapsedHolds(em, now(), async (booking) => {
        // Before each hold ends: a run that lost its lease ends no more of them.
        await fence.assert();
        const [traveler, launch] = await Promise.all([
          em.fork().findOne(Customer, booking.customerId),
          em.fork().findOne(CatalogueLaunch, booking.launchId),
        ]);
        if (!traveler) return;
        await queueEmail(
          system.em.fork(),
          {
            dedupeKey: `hold-expired:${booking.id}`,
            event: 'hold-expired',
            recipient: traveler.email,
            template: 'hold-expired',
            bookingId: booking.id,
            data: {
              name: traveler.name,
              missionName: launch?.missionName ?? '',
              seats: booking.seats,
              // Holds placed before their length was recorded were all normal holds.
              holdMinutes: booking.holdMinutes ?? holdMinutes,
              // "Book again" on the launch's page; the catalogue itself if the launch is gone.
              path: launch ? `/launches/${launch.slug}` : '/',
            } satisfies TemplateData['hold-expired'],
          },
          now(),
        );
      });
    },
  };
}
