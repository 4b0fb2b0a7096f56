/** The four routers, each with the context its audience may have, for HTTP and for in-process SSR calls. */
import type { Request } from 'express';
import type { AnyRouter } from '@trpc/server';
import {
  adminRouter,
  createAdminContext,
  createCustomerContext,
  createOpsContext,
  createSupplierContext,
  customerRouter,
  opsRouter,
  supplierRouter,
  type ComponentStatus,
} from '@astro/api';
import type { Stores } from '@astro/db';
import type { Logger } from '@astro/logging';

export interface AudienceDeps {
  stores: Stores;
  log: Logger;
  probeComponents: () => Promise<ComponentStatus[]>;
  /** Which agency the request's supplier acts for (sign-in replaces the demo stand-in). */
  supplierAgencyOf: (req: Request) => Promise<string | null>;
}

export interface Audience {
  /** Mounted at `/api/<name>`. */
  name: 'customer' | 'supplier' | 'admin' | 'ops';
  router: AnyRouter;
  createContext: (req: Request) => Promise<object>;
}

export function audiences(deps: AudienceDeps): Audience[] {
  const { stores } = deps;
  return [
    {
      name: 'customer',
      router: customerRouter,
      createContext: async () =>
        createCustomerContext({
          customer: stores.customer,
          system: stores.system,
          log: deps.log.child('customer-api'),
        }),
    },
    {
      name: 'supplier',
      router: supplierRouter,
      createContext: async (req) =>
        createSupplierContext({
          operational: stores.operational,
          system: stores.system,
          log: deps.log.child('supplier-api'),
          agencyId: await deps.supplierAgencyOf(req),
        }),
    },
    {
      name: 'admin',
      router: adminRouter,
      createContext: async () =>
        createAdminContext({
          operational: stores.operational,
          system: stores.system,
          log: deps.log.child('admin-api'),
        }),
    },
    {
      name: 'ops',
      router: opsRouter,
      createContext: async () =>
        createOpsContext({
          system: stores.system,
          log: deps.log.child('ops-api'),
          probeComponents: deps.probeComponents,
        }),
    },
  ];
}
