import { recordOperatorAudit, SyncMessage, type SystemEntityManager } from '@astro/db/system';
import { auditActorOf } from '../../access.ts';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext } from '../context.ts';
import type { ReplayInput, SyncMetrics } from './sync.schemas.ts';

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

/**
 * How far behind synchronisation is (SPEC.md §5: backlog and lag), read from the System DB. It takes the store
 * and the time rather than an ops context because the host's /metrics reads it too.
 */
export async function syncMetrics(em: SystemEntityManager, now: Date, sample = 1000): Promise<SyncMetrics> {
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

/** Messages waiting to be applied, per kind (most first), so an alert can say which flow is stuck. */
export async function backlogByKind(em: SystemEntityManager): Promise<{ kind: string; pending: number }[]> {
  const groups: { _id: string; pending: number }[] = await em.aggregate(SyncMessage, [
    { $match: { status: 'pending' } },
    { $group: { _id: '$kind', pending: { $sum: 1 } } },
  ]);
  return groups
    .map((group) => ({ kind: group._id, pending: group.pending }))
    .sort((a, b) => b.pending - a.pending || a.kind.localeCompare(b.kind));
}

export async function deadLetters(ctx: OpsContext) {
  const dead = await ctx.systemDb.find(SyncMessage, { status: 'dead' }, { orderBy: { createdAt: 'desc' }, limit: 100 });
  return dead.map((message) => ({
    id: message.id,
    kind: message.kind,
    entityType: message.entityType,
    entityId: message.entityId,
    entityVersion: message.entityVersion,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
  }));
}

export async function replayDeadLetter(ctx: OpsContext, input: ReplayInput) {
  const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'There is no dead letter with this id.' });
  const dead = await ctx.systemDb.findOne(SyncMessage, { id: input.messageId, status: 'dead' });
  if (!dead) throw notFound();
  const replayed = await ctx.systemDb.nativeUpdate(
    SyncMessage,
    { id: input.messageId, status: 'dead' },
    { status: 'pending', attempts: 0, availableAt: ctx.now(), lastError: null },
  );
  if (!replayed) throw notFound();
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: 'syncMessage.replay',
      target: { type: 'syncMessage', id: dead.id },
      before: { status: 'dead', attempts: dead.attempts, lastError: dead.lastError },
      after: { status: 'pending', attempts: 0, lastError: null },
    },
    ctx.now(),
  );
  ctx.log.info('Dead letter replayed', { messageId: input.messageId, by: ctx.viewer!.email });
  return { replayed: true };
}
