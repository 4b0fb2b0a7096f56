/** The Express host: composition only. Every route it has is mounted here, in the order requests meet them. */
import express, { type ErrorRequestHandler, type Express, type Request, type Router } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { localLink } from '@trpc/client';
import type { ComponentStatus } from '@astro/api';
import type { Logger } from '@astro/logging';
import type { Audience } from './audiences.ts';
import { correlate } from './correlation.ts';
import { sameOriginWrites } from './same-origin.ts';
import { cspNonce, securityHeaders } from './security-headers.ts';
import { portalGuard } from './sessions/portal-guard.ts';
import type { WebSessions } from './sessions/web-sessions.ts';
import { mountSsrApp, ssrApps } from './ssr.ts';

export interface HostAppOptions {
  log: Logger;
  audiences: Audience[];
  probeDatabases: () => Promise<ComponentStatus[]>;
  /** The `/metrics` page. */
  metrics: () => Promise<string>;
  /** Where `apps/<app>/dist` live; null serves the APIs alone (integration tests). */
  appsRoot: string | null;
  allowedHosts: string[];
  /** The Authentication Service (sign-in pages and protocol endpoints), mounted at /auth. */
  auth: Router;
  /** The partner catalogue API, for bearer tokens of partner integrations. */
  partnerApi: Router;
  sessions: WebSessions;
  publicUrl: string;
}

export async function createHostApp(options: HostAppOptions): Promise<Express> {
  const { log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ publicUrl: options.publicUrl }));
  app.use(correlate);
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const fields = {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
      };
      if (res.statusCode >= 500) log.error('Request failed', fields);
      else log.debug('Request served', fields);
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'alive', uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/metrics', async (_req, res) => {
    res
      .type('text/plain; version=0.0.4')
      .setHeader('Cache-Control', 'no-store')
      .send(await options.metrics());
  });

  app.get('/readyz', async (_req, res) => {
    const checks = await options.probeDatabases();
    const down = checks.filter((check) => !check.up);
    res
      .status(down.length === 0 ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({
        ready: down.length === 0,
        message:
          down.length === 0
            ? 'Every database is reachable.'
            : down.map((check) => `${check.component} is unreachable (${check.target}): ${check.problem}`).join('; '),
        checks,
      });
  });

  app.use('/auth', options.auth);
  for (const audience of options.audiences) app.use(options.sessions.routes(audience.name));

  app.use('/api', sameOriginWrites(options.publicUrl));
  app.use('/api/partner', options.partnerApi);
  for (const audience of options.audiences) {
    app.use(
      `/api/${audience.name}`,
      createExpressMiddleware({
        router: audience.router,
        createContext: ({ req }) => audience.createContext(req),
        maxBatchSize: 10,
        onError({ error, path }) {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            log.error(`Procedure ${audience.name}.${path} failed`, { error: error.cause ?? error });
        },
      }),
    );
  }
  // An unknown API path is a JSON 404, never the customer site's HTML.
  app.use('/api', (req, res) => {
    res.status(404).json({ error: { message: `There is no API at ${req.originalUrl}.` } });
  });

  if (options.appsRoot) {
    const byName = new Map(options.audiences.map((audience) => [audience.name, audience]));
    for (const spec of ssrApps) {
      const audience = byName.get(spec.audience)!;
      const router = await mountSsrApp(options.appsRoot, spec, options.allowedHosts, (req: Request, res) => ({
        trpcLink: localLink({ router: audience.router, createContext: () => audience.createContext(req) }),
        cspNonce: cspNonce(res),
      }));
      if (spec.audience !== 'customer') app.use(spec.mountPath, portalGuard(spec.audience, options.sessions));
      app.use(spec.mountPath, router);
    }
  }

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    log.error('Unhandled error', { error, path: req.originalUrl });
    if (res.headersSent) return;
    res.status(500).type('text/plain').send('Something went wrong on our side. Please try again in a moment.');
  };
  app.use(onError);
  return app;
}
