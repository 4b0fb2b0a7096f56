/** The people the jobs' tests act as, calling the same routers the apps call. */
import { createCustomerContext, createSupplierContext, customerRouter, supplierRouter } from '@astro/api';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import type { TestStores } from '../../../scripts/test-support/stores.ts';

export const quietLog = createLogger({ service: 'test', level: 'error', write: () => {} });

/** A supplier of the agency, signed in to the supplier portal. */
export const supplierOf = (world: TestStores, agencyId: string) =>
  supplierRouter.createCaller(
    createSupplierContext({
      operational: world.stores.operational,
      system: world.stores.system,
      log: quietLog,
      viewer: {
        userId: `supplier-${agencyId}`,
        name: 'Supplier',
        email: 'supplier@example.com',
        roles: ['supplier'],
        agencyId,
      },
    }),
  );

/** A traveler signed in to the customer site, paying through the sandbox. */
export const travelerAs = (world: TestStores, who: { id: string; name: string; email: string }) =>
  customerRouter.createCaller(
    createCustomerContext({
      customer: world.stores.customer,
      system: world.stores.system,
      payments: sandboxGateway(world.stores.system),
      log: quietLog,
      viewer: { userId: who.id, name: who.name, email: who.email, roles: ['customer'], agencyId: null },
    }),
  );

/** Traveler number n: `traveler<n>@example.com`. */
export const traveler = (world: TestStores, n: number) =>
  travelerAs(world, { id: `traveler-${n}`, name: `Traveler ${n}`, email: `traveler${n}@example.com` });
