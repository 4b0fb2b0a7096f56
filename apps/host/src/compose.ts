/** Builds the whole host from configuration and open stores: the one wiring that main.ts and the tests share. */
import type { Express } from 'express';
import type { Config } from '@astro/config';
import { appClientOf, createAuthService, type LimitName, type LimitRule } from '@astro/auth';
import type { Stores } from '@astro/db';
import { readCatalogueVersion } from '@astro/db/customer';
import type { Logger } from '@astro/logging';
import type { PaymentGateway } from '@astro/payments';
import { createLogTail, partnerCatalogue, syncMetrics, type LogTail, type RegisteredJob } from '@astro/api';
import { createHostApp } from './app.ts';
import { audiences } from './audiences.ts';
import { benchRoutes } from './bench-routes.ts';
import { createPageCache } from './page-cache.ts';
import { hostMetrics, metricsAccess } from './metrics.ts';
import { partnerApi } from './partner-api.ts';
import { createWebSessions } from './sessions/web-sessions.ts';
import { componentProbes, databaseProbes } from './status.ts';

export async function composeHost(options: {
  config: Config;
  stores: Stores;
  log: Logger;
  /** Where `apps/<app>/dist` live; null serves the APIs and sign-in alone (integration tests). */
  appsRoot: string | null;
  /** The payment provider (the local sandbox unless a real one is configured). */
  payments: PaymentGateway;
  /** Where this process answers HTTP, for calls to its own authorization server. */
  internalUrl: () => string;
  /** The Job Scheduler's jobs (registered whether they run in this process or another); none in API tests. */
  registeredJobs?: () => RegisteredJob[];
  /** Limits lowered for a test. */
  limitRules?: Partial<Record<LimitName, LimitRule>>;
  /** The live tail's poller; a test passes its own to watch it. */
  logTail?: LogTail;
}): Promise<Express> {
  const { config, stores, log } = options;
  const auth = await createAuthService({
    publicUrl: config.publicUrl,
    system: stores.system,
    log,
    limitRules: options.limitRules,
  });
  const firstAdmin = await auth.accounts.ensureFirstAdmin(config.firstAdmin);
  if (firstAdmin) log.info('Created the first admin account from configuration', { email: firstAdmin.email });
  const sessions = createWebSessions({
    system: stores.system,
    log,
    publicUrl: config.publicUrl,
    internalUrl: options.internalUrl,
    clientSecret: auth.clientSecret,
  });
  return createHostApp({
    log,
    audiences: audiences({
      stores,
      log,
      probeComponents: componentProbes(config, stores),
      mailViewUrl: config.mailViewUrl,
      publicUrl: config.publicUrl,
      registeredJobs: options.registeredJobs ?? (() => []),
      accounts: auth.accounts,
      payments: options.payments,
      issuer: config.issuer,
      viewerOf: sessions.viewerOf,
      // One per host: every operator's live tail reads the logs through this one poller.
      logTail: options.logTail ?? createLogTail(stores.system),
    }),
    probeDatabases: databaseProbes(config, stores),
    metrics: hostMetrics(() => syncMetrics(stores.system.em.fork(), new Date())),
    metricsAccess: metricsAccess({
      token: config.metricsToken,
      isOperator: async (req) => {
        const viewer = await sessions.viewerOf('ops', req);
        return Boolean(viewer?.roles.some((role) => appClientOf('ops').roles.includes(role)));
      },
    }),
    appsRoot: options.appsRoot,
    allowedHosts: [new URL(config.publicUrl).hostname, 'localhost', '127.0.0.1'],
    auth: auth.router,
    partnerApi: partnerApi({
      provider: auth.provider,
      catalogue: partnerCatalogue(stores.customer),
      limit: auth.limits.partnerRequestsPerClient,
      log: log.child('partner-api'),
    }),
    sessions,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    ...(config.benchWebDir ? { benchRoutes: benchRoutes(config.benchWebDir, stores.customer) } : {}),
    pageCache: createPageCache({
      catalogueVersion: () => readCatalogueVersion(stores.customer.em.fork()),
      carriesSession: (req) => sessions.carriesSession('customer', req),
      viewerOf: (req) => sessions.viewerOf('customer', req),
    }),
  });
}
