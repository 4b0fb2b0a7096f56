/** The people the tests of the API and the jobs together act as, calling the same routers the apps call. */
import {
  adminRouter,
  createAdminContext,
  createCustomerContext,
  createSupplierContext,
  customerRouter,
  supplierRouter,
} from '@astro/api';
import { createAccounts } from '@astro/auth/accounts';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';

export const quietLog = createLogger({ service: 'test', level: 'error', write: () => {} });

/** A supplier of the agency, signed in to the supplier portal, at the time `now` says. */
export const supplierOf = (world: TestStores, agencyId: string, now?: () => Date) =>
  supplierRouter.createCaller(
    createSupplierContext({
      operational: world.stores.operational,
      system: world.stores.system,
      log: quietLog,
      now,
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

/** An employee with one role, signed in to the employee portal. */
export const employeeAs = (world: TestStores, role: 'support' | 'finance' | 'admin') =>
  adminRouter.createCaller(
    createAdminContext({
      operational: world.stores.operational,
      system: world.stores.system,
      log: quietLog,
      viewer: { userId: role, name: role, email: `${role}@astro.example`, roles: [role], agencyId: null },
      accounts: createAccounts({ system: world.stores.system, log: quietLog, publicUrl: 'http://localhost' }),
    }),
  );
