/**
 * A host killed halfway through a payment or a cancellation: it runs the traveler's flow and is killed at the
 * moment KILL_AT names, as a power cut would. Run by recovery.test.ts as a child process.
 */
import { openCustomerDb } from '@astro/db/customer';
import { openSystemDb } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { sandboxCards, sandboxGateway, type PaymentGateway } from '@astro/payments';
import type { BookingDeps } from '../booking-deps.ts';
import { cancelBooking } from '../cancellation/cancellation.ts';
import { payForBooking } from '../payment/payment.ts';
import { travelerOf } from '../travelers/traveler.ts';

const env = (name: string) => process.env[name] ?? '';
const killAt = env('KILL_AT') as 'before-charge' | 'after-charge' | 'after-refund';
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const [customer, system] = await Promise.all([
  openCustomerDb(env('MONGO_URL'), env('CUSTOMER_DB_NAME')),
  openSystemDb(env('MONGO_URL'), env('SYSTEM_DB_NAME')),
]);
const sandbox = sandboxGateway(system);
const doomed: PaymentGateway = {
  ...sandbox,
  async charge(request) {
    if (killAt === 'before-charge') die();
    await sandbox.charge(request);
    return die();
  },
  async refund(request) {
    await sandbox.refund(request);
    return die();
  },
};
const deps: BookingDeps = {
  customerDb: customer.em.fork(),
  now: () => new Date(),
  log: createLogger({ service: 'doomed-host', level: 'error', write: () => {} }),
  payments: doomed,
};
const traveler = await travelerOf(
  deps.customerDb,
  { userId: env('TRAVELER'), email: `${env('TRAVELER')}@example.com`, name: env('TRAVELER') },
  deps.now(),
);
const bookingId = env('BOOKING_ID');
if (killAt === 'after-refund')
  await cancelBooking(deps, traveler, { bookingId, quotedRefundCents: Number(env('QUOTED_REFUND_CENTS')) });
else
  await payForBooking(deps, traveler, {
    bookingId,
    attemptKey: 'doomed-attempt',
    card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
  });
process.exit(3);
