import { resumeInterruptedBookings } from '@astro/bookings';
import type { CustomerOrm } from '@astro/db/customer';
import type { PaymentGateway } from '@astro/payments';
import type { JobDefinition } from '../scheduler.ts';

/** Finishes payments and cancellations that a dead process left half done. */
export function bookingRecoveryJob(customer: CustomerOrm, payments: PaymentGateway): JobDefinition {
  return {
    name: 'booking-recovery',
    description: 'Completes or undoes payments and cancellations interrupted halfway',
    schedule: '0 * * * * *',
    run: ({ now, fence }) => resumeInterruptedBookings(customer.em.fork(), payments, now(), fence),
  };
}
