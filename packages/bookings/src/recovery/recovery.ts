/**
 * Finishing what an interrupted process left half done (a host killed mid-payment or mid-cancellation).
 * Runs as a job on any number of hosts: every step it repeats is a conditional write that applies once, and a run
 * that lost its lease (its fence throws) leaves the bookings it has not reached to the next run.
 */
import { Booking, changeBooking, type CustomerEntityManager, type PaymentAttempt } from '@astro/db/customer';
import type { Fence } from '@astro/db/system';
import type { PaymentGateway } from '@astro/payments';
import { finishCancellation } from '../cancellation/cancellation.ts';
import { settlePayment } from '../payment/payment.ts';

/** How long a step may take before it counts as interrupted; far beyond any gateway timeout. */
export const interruptedAfterMs = 2 * 60_000;

export async function resumeInterruptedBookings(
  em: CustomerEntityManager,
  gateway: PaymentGateway,
  now: Date,
  fence: Fence,
): Promise<{ payments: number; cancellations: number }> {
  const before = new Date(now.getTime() - interruptedAfterMs);
  const payments = await em.find(Booking, { 'paymentAttempt.startedAt': { $lt: before } } as never, { limit: 100 });
  for (const booking of payments) {
    await fence.assert();
    const attempt = booking.paymentAttempt as PaymentAttempt;
    const result = await gateway.findCharge(attempt.gatewayKey);
    if (result) await settlePayment(em, gateway, { ...booking, paymentAttempt: attempt }, result, now);
    // Never charged: the attempt is dropped and the hold goes on (or lapses) as if it had not been tried.
    else
      await changeBooking(
        em,
        { _id: booking.id, 'paymentAttempt.key': attempt.key, 'paymentAttempt.chargeId': null },
        { unset: ['paymentAttempt'] },
        now,
      );
  }
  const cancellations = await em.find(
    Booking,
    { status: 'confirmed', 'cancellation.requestedAt': { $lt: before } } as never,
    { limit: 100 },
  );
  for (const booking of cancellations) {
    await fence.assert();
    await finishCancellation(em, gateway, booking, now);
  }
  return { payments: payments.length, cancellations: cancellations.length };
}
