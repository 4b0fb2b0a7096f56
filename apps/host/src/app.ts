/** The Express host: composition only. Every route it has is mounted here, in the order requests meet them. */
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Router,
} from 'express';
import compression from 'compression';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { localLink } from '@trpc/client';
import { authPage, html } from '@astro/auth';
import type { ComponentStatus } from '@astro/api';
import type { TrustProxy } from '@astro/config';
import type { Logger } from '@astro/logging';
import type { Audience } from './audiences.ts';
import { correlate } from './correlation.ts';
import { sameOriginWrites } from './same-origin.ts';
import { cspNonce, securityHeaders } from './security-headers.ts';
import { portalGuard } from './sessions/portal-guard.ts';
import { SessionRenewalUnavailable, type WebSessions } from './sessions/web-sessions.ts';
import type { PageCache } from './page-cache.ts';
import { mountSsrApp, ssrApps, type MountedSsrApp } from './ssr.ts';

export interface HostAppOptions {
  log: Logger;
  audiences: Audience[];
  probeDatabases: () => Promise<ComponentStatus[]>;
  /** The `/metrics` page (a prom-client registry). */
  metrics: { contentType: string; metrics(): Promise<string> };
  /** Who may read `/metrics` (the scrape token, or an operator's session); everyone else is refused. */
  metricsAccess: RequestHandler;
  /** Where `apps/<app>/dist` live; null serves the APIs alone (integration tests). */
  appsRoot: string | null;
  allowedHosts: string[];
  /** The Authentication Service (sign-in pages and protocol endpoints), mounted at /auth. */
  auth: Router;
  /** The partner catalogue API, for bearer tokens of partner integrations. */
  partnerApi: Router;
  sessions: WebSessions;
  publicUrl: string;
  /** The proxies whose `X-Forwarded-For` names a request's address (`req.ip`, which per-address limits count). */
  trustProxy: TrustProxy;
  /** The web benchmark's comparison routes (bench-routes.ts), mounted at /bench; never in production. */
  benchRoutes?: Router;
  /** The customer site's anonymous pages, rendered once per catalogue version (page-cache.ts). */
  pageCache?: PageCache;
}

export async function createHostApp(options: HostAppOptions): Promise<Express> {
  const { log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders({ publicUrl: options.publicUrl }));
  app.use(correlate);
  app.use(compressed);
  app.use((req, res, next) => {
    const problem = unreadable(req);
    if (problem) res.status(400).type('text/plain').send(problem);
    else next();
  });
  // What depends on who asks is never kept by a browser or a proxy: every API answer, and any response to a
  // request that carries cookies (a session) unless it sets its own rule (the build's static files do).
  app.use((req, res, next) => {
    if (req.headers.cookie || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
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

  app.get('/metrics', options.metricsAccess, async (_req, res) => {
    res
      .type(options.metrics.contentType)
      .setHeader('Cache-Control', 'no-store')
      .send(await options.metrics.metrics());
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
            : down.map((check) => `${check.component} is unreachable.`).join(' '),
        // Anyone may ask: where the databases are and why they fail is for operators (the ops dashboard's status).
        checks: checks.map(({ component, up }) => ({ component, up })),
      });
  });

  if (options.benchRoutes) app.use('/bench', options.benchRoutes);
  app.use('/auth', options.auth);
  for (const audience of options.audiences) app.use(options.sessions.routes(audience.name));

  app.use('/api', sameOriginWrites(options.publicUrl));
  app.use('/api/partner', options.partnerApi);
  for (const audience of options.audiences) {
    // The service name the audience's own lines carry (audiences.ts gives its procedures the same child).
    const apiLog = log.child(`${audience.name}-api`);
    app.use(
      `/api/${audience.name}`,
      createExpressMiddleware({
        router: audience.router,
        createContext: ({ req }) => audience.createContext(req),
        maxBatchSize: 10,
        // The largest real input (a batch of ten forms) is a few kilobytes; a bigger body is refused unread (413).
        maxBodySize: 100 * 1024,
        responseMeta({ errors }) {
          const unrenewed = errors
            .map((error) => error.cause)
            .find((cause) => cause instanceof SessionRenewalUnavailable);
          return unrenewed ? { headers: { 'retry-after': String(unrenewed.retryAfterSeconds) } } : {};
        },
        onError({ error, path }) {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            apiLog.error(`Procedure ${audience.name}.${path} failed`, { error: error.cause ?? error });
        },
      }),
    );
  }
  // An unknown API path is a JSON 404, never the customer site's HTML.
  app.use('/api', (req, res) => {
    res.status(404).json({ error: { message: `There is no API at ${req.originalUrl}.` } });
  });

  /** Each app's failure page, by mount path (the customer site's last: it answers everything else). */
  const failurePages: { mountPath: string; render: MountedSsrApp['renderFailure'] }[] = [];
  if (options.appsRoot) {
    const byName = new Map(options.audiences.map((audience) => [audience.name, audience]));
    for (const spec of ssrApps) {
      const audience = byName.get(spec.audience)!;
      const mounted = await mountSsrApp(
        options.appsRoot,
        spec,
        options.allowedHosts,
        (req: Request, res) => ({
          trpcLink: localLink({ router: audience.router, createContext: () => audience.createContext(req) }),
          cspNonce: cspNonce(res),
        }),
        spec.audience === 'customer' ? options.pageCache : undefined,
      );
      if (spec.audience !== 'customer') app.use(spec.mountPath, portalGuard(spec.audience, options.sessions));
      app.use(spec.mountPath, mounted.router);
      failurePages.push({ mountPath: spec.mountPath, render: mounted.renderFailure });
    }
  }

  // Only without the apps (the customer site answers every other address with its own 404 page).
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('There is no page at this address.');
  });

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    if (res.headersSent) {
      log.error('Unhandled error', { error, path: req.originalUrl });
      return;
    }
    if (error instanceof SessionRenewalUnavailable) {
      res.status(503).setHeader('Retry-After', String(error.retryAfterSeconds)).setHeader('Cache-Control', 'no-store');
      if (req.path.startsWith('/api/')) res.type('text/plain').send(error.message);
      else res.send(authPage({ title: 'Try again in a moment', body: html`<p>${error.message}</p>` }));
      return;
    }
    // A request the host cannot read (a malformed address, body or header) is the caller's to fix.
    const status = clientErrorStatus(error);
    if (status) {
      res.status(status).type('text/plain').send('This request could not be read. Check the address and try again.');
      return;
    }
    log.error('Unhandled error', { error, path: req.originalUrl });
    const requestId = String(res.getHeader('x-request-id'));
    const apology = `Something went wrong on our side. Please try again in a moment. (Reference: ${requestId})`;
    res.status(500).setHeader('Cache-Control', 'no-store');
    const page = failurePages.find(({ mountPath }) => mountPath === '/' || isUnder(req.path, mountPath));
    if (!page || req.path.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.type('text/plain').send(apology);
      return;
    }
    page.render(req, res, (failedAgain?: unknown) => {
      if (failedAgain) log.error('The failure page failed too', { error: failedAgain, path: req.originalUrl });
      if (!res.headersSent) res.status(500).type('text/plain').send(apology);
    });
  };
  app.use(onError);
  return app;
}

/**
 * Pages, API answers and any static file the build did not precompress, compressed on the fly (Brotli at
 * the middleware's fast default quality, or gzip). A live tail's server-sent events are left as they are: a
 * compressor would hold each event in its buffer instead of sending it.
 */
const compressed = compression({
  filter: (req, res) =>
    !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
});

const isUnder = (path: string, mountPath: string) => path === mountPath || path.startsWith(`${mountPath}/`);

/** The 4xx status Express's parts (the router's path decoding, body parsers, static files) give a bad request. */
function clientErrorStatus(error: unknown): number | null {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * What is wrong with a request no page can be made for: the apps' server rendering builds a URL from the Host
 * header and decodes the path, and fails with a 500 on a Host like `[` or an escape like `%E0%A4%A`.
 */
function unreadable(req: Request): string | null {
  if (!URL.canParse(`http://${req.headers.host ?? ''}/`)) return 'This request has no valid Host header.';
  try {
    decodeURIComponent(req.path);
  } catch {
    return 'This address is not valid. Check the link and try again.';
  }
  return null;
}
