/** `/metrics` in the Prometheus text format, for whatever scrapes this host. Aggregates only, no personal data. */
import type { SyncMetrics } from '@astro/api';

export function prometheusText(sync: SyncMetrics): string {
  const gauge = (name: string, help: string, samples: [labels: string, value: number][]) =>
    [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} gauge`,
      ...samples.map(([labels, value]) => `${name}${labels} ${value}`),
    ].join('\n');
  return `${[
    gauge('astro_sync_backlog', 'Sync messages waiting to be applied.', [['', sync.backlog]]),
    gauge('astro_sync_dead_letters', 'Sync messages given up on, waiting for an operator.', [['', sync.dead]]),
    gauge('astro_sync_oldest_pending_seconds', 'Age of the oldest sync message still waiting.', [
      ['', sync.oldestPendingMs / 1000],
    ]),
    gauge('astro_sync_apply_lag_seconds', 'Time from recording a change to applying it, recent messages.', [
      ['{quantile="0.5"}', sync.applyLagMs.p50 / 1000],
      ['{quantile="0.99"}', sync.applyLagMs.p99 / 1000],
    ]),
  ].join('\n')}\n`;
}
