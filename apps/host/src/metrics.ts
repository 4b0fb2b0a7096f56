/** `/metrics` for whatever scrapes this host: the process's own metrics and sync's backlog and lag. Aggregates only. */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { SyncMetrics } from '@astro/api';

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
