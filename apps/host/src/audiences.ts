/** The four routers, each with the context its audience may have, for HTTP and for in-process SSR calls. */
import type { Request } from 'express';
import { TRPCError, type AnyRouter } from '@trpc/server';
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
  type LogTail,
  type RegisteredJob,
  type Viewer,
} from '@astro/api';
import type { Accounts } from '@astro/auth';
import type { Issuer } from '@astro/config';
import type { Stores } from '@astro/db';
import type { WebApp } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import type { PaymentGateway } from '@astro/payments';
import { SessionRenewalUnavailable } from './sessions/web-sessions.ts';

export interface AudienceDeps {
  stores: Stores;
  log: Logger;
  probeComponents: () => Promise<ComponentStatus[]>;
  /** The local mailbox's web view, linked from the ops dashboard. */
  mailViewUrl: string | null;
  /** Where the product is served from, for the links of the e-mails the ops dashboard shows. */
  publicUrl: string;
  /** The jobs this host's Job Scheduler has registered, for the ops dashboard's Jobs page. */
  registeredJobs: () => RegisteredJob[];
  accounts: Accounts;
  payments: PaymentGateway;
  /** Printed on every invoice, credit note and statement (config.issuer). */
  issuer: Issuer;
  /** Who is signed in to the app the request comes from. */
  viewerOf: (app: WebApp, req: Request) => Promise<Viewer | null>;
  /** The host's one poller of the logs, shared by every operator's live tail. */
  logTail: LogTail;
}

export interface Audience {
  /** Mounted at `/api/<name>`. */
  name: 'customer' | 'supplier' | 'admin' | 'ops';
  router: AnyRouter;
  createContext: (req: Request) => Promise<object>;
}

export function audiences(deps: AudienceDeps): Audience[] {
  const { stores } = deps;
  /** Who is signed in; a session that cannot be checked just now is a 503 the app can show, not a sign-out. */
  const viewerOf = async (app: WebApp, req: Request): Promise<Viewer | null> => {
    try {
      return await deps.viewerOf(app, req);
    } catch (error) {
      if (error instanceof SessionRenewalUnavailable)
        throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message, cause: error });
      throw error;
    }
  };
  return [
    {
      name: 'customer',
      router: customerRouter,
      createContext: async (req) =>
        createCustomerContext({
          customer: stores.customer,
          system: stores.system,
          payments: deps.payments,
          log: deps.log.child('customer-api'),
          viewer: await viewerOf('customer', req),
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
          viewer: await viewerOf('supplier', req),
          issuer: deps.issuer,
        }),
    },
    {
      name: 'admin',
      router: adminRouter,
      createContext: async (req) =>
        createAdminContext({
          operational: stores.operational,
          system: stores.system,
          log: deps.log.child('admin-api'),
          viewer: await viewerOf('admin', req),
          accounts: deps.accounts,
          issuer: deps.issuer,
        }),
    },
    {
      name: 'ops',
      router: opsRouter,
      createContext: async (req) =>
        createOpsContext({
          system: stores.system,
          log: deps.log.child('ops-api'),
          viewer: await viewerOf('ops', req),
          probeComponents: deps.probeComponents,
          mailViewUrl: deps.mailViewUrl,
          publicUrl: deps.publicUrl,
          registeredJobs: deps.registeredJobs,
          logTail: deps.logTail,
        }),
    },
  ];
}
