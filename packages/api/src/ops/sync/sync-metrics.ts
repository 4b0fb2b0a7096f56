/** How far behind synchronisation is (SPEC.md §5: backlog and lag), read from the System DB. */
import { SyncMessage, type MongoEntityManager } from '@astro/db/system';

export interface SyncMetrics {
  /** Messages not yet applied (pending), and those given up on (dead). */
  backlog: number;
  dead: number;
  /** Age in ms of the oldest message still waiting; 0 when none waits. */
  oldestPendingMs: number;
  /** Time from recording to applying, over the most recent applied messages. */
  applyLagMs: { p50: number; p99: number; sample: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

export async function syncMetrics(em: MongoEntityManager, now: Date, sample = 1000): Promise<SyncMetrics> {
  const [backlog, dead, oldest, recent] = await Promise.all([
    em.count(SyncMessage, { status: 'pending' }),
    em.count(SyncMessage, { status: 'dead' }),
    em.findOne(SyncMessage, { status: 'pending' }, { orderBy: { createdAt: 'asc' }, fields: ['createdAt'] }),
    em.find(
      SyncMessage,
      { status: 'applied' },
      { orderBy: { appliedAt: 'desc' }, limit: sample, fields: ['createdAt', 'appliedAt'] },
    ),
  ]);
  const lags = recent
    .map((message) => message.appliedAt!.getTime() - message.createdAt.getTime())
    .sort((a, b) => a - b);
  return {
    backlog,
    dead,
    oldestPendingMs: oldest ? Math.max(0, now.getTime() - oldest.createdAt.getTime()) : 0,
    applyLagMs: { p50: percentile(lags, 50), p99: percentile(lags, 99), sample: lags.length },
  };
}
