/** Callers of the customer router as numbered travelers, each with an account of their own. */
import type { CustomerOrm } from '@astro/db/customer';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../personas.test-support.ts';
import { createCustomerContext } from './context.ts';
import { customerRouter } from './router.ts';

export function travelerCallers(world: TestStores, now: () => Date) {
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const payments = sandboxGateway(world.stores.system, now);
  return (n: number, customer: CustomerOrm = world.stores.customer) =>
    customerRouter.createCaller(
      createCustomerContext({
        customer,
        system: world.stores.system,
        payments,
        log,
        now,
        viewer: {
          ...viewerAs('customer', { id: `traveler-${n}` }),
          email: `traveler.${n}@example.com`,
          name: `Traveler ${n}`,
        },
      }),
    );
}
