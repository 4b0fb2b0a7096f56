import type { CustomerEntityManager } from '@astro/db/customer';
import type { Logger } from '@astro/logging';
import type { PaymentGateway } from '@astro/payments';

/** What a traveler's booking flows work with; the API's customer context is one, a test's traveler another. */
export interface BookingDeps {
  customerDb: CustomerEntityManager;
  /** The one clock: tests move it, flows never call `new Date()` for "now". */
  now: () => Date;
  log: Logger;
  payments: PaymentGateway;
}
