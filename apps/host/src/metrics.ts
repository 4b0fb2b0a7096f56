/**
 * `/metrics` for whatever scrapes this host: the process's own metrics, sync's backlog and lag, and the database
 * commands each kind of request causes. Aggregates only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { SyncMetrics } from '@astro/api';
import type { StoreCommand } from '@astro/db';

/** One registry per host process; the sync gauges read the System DB when scraped. */
export function hostMetrics(readSync: () => Promise<SyncMetrics>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // The gauges are collected together, so one scrape reads the System DB once.
  let scrape: Promise<SyncMetrics> | null = null;
  const sync = () =>
    (scrape ??= readSync().finally(() => {
      scrape = null;
    }));
  const gauge = (
    name: string,
    help: string,
    set: (gauge: Gauge, sync: SyncMetrics) => void,
    labelNames: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        set(this, await sync());
      },
    });
  gauge('astro_sync_backlog', 'Sync messages waiting to be applied.', (g, s) => g.set(s.backlog));
  gauge('astro_sync_dead_letters', 'Sync messages given up on, waiting for an operator.', (g, s) => g.set(s.dead));
  gauge('astro_sync_oldest_pending_seconds', 'Age of the oldest sync message still waiting.', (g, s) =>
    g.set(s.oldestPendingMs / 1000),
  );
  gauge(
    'astro_sync_apply_lag_seconds',
    'Time from recording a change to applying it, recent messages.',
    (g, s) => {
      g.set({ quantile: '0.5' }, s.applyLagMs.p50 / 1000);
      g.set({ quantile: '0.99' }, s.applyLagMs.p99 / 1000);
    },
    ['quantile'],
  );
  return registry;
}

/** What the request being served asks for; commands sent outside any request are the jobs' and timers' own. */
const causes = new AsyncLocalStorage<string>();
const background = 'background';

/**
 * Runs each request inside the name of what it asks for — the API procedure (`customer.bookings.hold`), `api` for
 * a batch or an unknown path, `auth`, or `page` — so each database command it sends is counted under that name.
 * Only procedures the routers have become names: a made-up path cannot grow the metrics without bound.
 */
export function commandCauses(audiences: { name: string; router: { _def: { procedures: object } } }[]): RequestHandler {
  const procedures = new Map(
    audiences.map(({ name, router }) => [name, new Set(Object.keys(router._def.procedures))] as const),
  );
  const causeOf = (path: string) => {
    const [, top, audience, procedure] = path.split('/');
    if (top === 'auth') return 'auth';
    if (top !== 'api') return 'page';
    return audience && procedure && procedures.get(audience)?.has(procedure) ? `${audience}.${procedure}` : 'api';
  };
  return (req, _res, next) => causes.run(causeOf(req.path), next);
}

/**
 * `astro_db_commands_total{store, kind, cause}`: every command sent to the Operational, Customer and System DB,
 * reads and writes apart, by the request (or `background` work) that caused it — what a booking costs the stores.
 */
export function databaseCommandCounter(registry: Registry): (command: StoreCommand) => void {
  const counter = new Counter({
    name: 'astro_db_commands_total',
    help: 'Database commands sent, by store, kind (read, write, other) and the request procedure or background work that caused them.',
    labelNames: ['store', 'kind', 'cause'],
    registers: [registry],
  });
  return ({ store, kind }) => counter.inc({ store, kind, cause: causes.getStore() ?? background });
}

/**
 * Who may read `/metrics`: a scraper sending the configured token (`Authorization: Bearer …`), or an operator
 * signed in to the ops dashboard. Backlogs and lags say how busy the system is, which is nobody else's business.
 */
export function metricsAccess(options: {
  token: string | null;
  isOperator: (req: Request) => Promise<boolean>;
}): RequestHandler {
  const expected = options.token === null ? null : digest(options.token);
  return async (req, res, next) => {
    const refuse = (status: 401 | 403, message: string) => {
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(status).setHeader('Cache-Control', 'no-store').type('text/plain').send(message);
    };
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, sent] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !sent) {
        refuse(401, 'Send the scrape token as "Authorization: Bearer <token>".');
        return;
      }
      // Compared as digests: equal lengths for timingSafeEqual, and the time taken says nothing about the token.
      if (expected && timingSafeEqual(digest(sent), expected)) return next();
      refuse(403, 'This token does not open /metrics. Use the METRICS_TOKEN the host was started with.');
      return;
    }
    try {
      if (await options.isOperator(req)) return next();
    } catch (error) {
      return next(error);
    }
    refuse(
      401,
      'The metrics are for operators: sign in to the IT operations dashboard, or scrape with the METRICS_TOKEN as a bearer token.',
    );
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();
