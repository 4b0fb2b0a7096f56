/** The Customer DB's own follow-ups of launch changes: aborts, seats coming back, launches that flew. */
import { cancelBookingsOfAbortedLaunches, offerReturnedSeats, recountTripsFlown } from '@astro/bookings';
import type { CustomerOrm } from '@astro/db/customer';
import type { SystemOrm } from '@astro/db/system';
import type { PaymentGateway } from '@astro/payments';
import type { JobDefinition } from '../scheduler.ts';

export function abortCascadeJob(customer: CustomerOrm, payments: PaymentGateway): JobDefinition {
  return {
    name: 'abort-cascade',
    description: 'Cancels the bookings of aborted launches with a full refund',
    schedule: '*/10 * * * * *',
    run: ({ now, fence }) => cancelBookingsOfAbortedLaunches(customer.em.fork(), payments, now(), fence),
  };
}

export function waitingListOffersJob(customer: CustomerOrm, system: SystemOrm): JobDefinition {
  return {
    name: 'waiting-list-offers',
    description: 'Gives seats that come back to the first on the waiting list as a 24-hour priority hold',
    schedule: '*/5 * * * * *',
    run: ({ now, fence }) => offerReturnedSeats(customer.em.fork(), system.em.fork(), now(), fence),
  };
}

export function tripsFlownJob(customer: CustomerOrm): JobDefinition {
  return {
    name: 'trips-flown',
    description: 'Recounts trips flown and the VIP flag after launches fly',
    schedule: '0 * * * * *',
    run: ({ fence }) => recountTripsFlown(customer.em.fork(), fence),
  };
}
