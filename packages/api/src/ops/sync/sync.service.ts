import { recordOperatorAudit, SyncMessage, syncMessageCollection, type SystemEntityManager } from '@astro/db/system';
import { auditActorOf } from '../../access.ts';
import { cursorAt, olderThanCursor } from '../../cursor.ts';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext } from '../context.ts';
import { chartStart, lagOf, lagPerMinute, percentile } from './apply-lag.ts';
import type {
  DeadLetter,
  DeadLettersQuery,
  EntityMessagesInput,
  ReplayInput,
  ReplaySelectedInput,
  SyncMessageRow,
  SyncMetrics,
} from './sync.schemas.ts';

/** The lag chart's span, and how many applied messages it reads at most (FerretDB reads each one it hands over). */
const lagChartMinutes = 60;
const lagChartBound = 3000;
/** How many messages of one entity, and how many retried messages, a page lists at most. */
const entityMessagesBound = 200;
const retriesBound = 50;

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
  const lags = recent.map((message) => lagOf({ createdAt: message.createdAt, appliedAt: message.appliedAt! }));
  lags.sort((a, b) => a - b);
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

/**
 * The apply lag of each minute of the last hour. It reads the messages applied since the chart's first minute,
 * newest first, up to `lagChartBound`: past that, the older minutes say they were not read instead of showing a
 * part of their messages as the whole.
 */
export async function lagLastHour(em: SystemEntityManager, now: Date) {
  const applied = await em.find(
    SyncMessage,
    { status: 'applied', appliedAt: { $gte: chartStart(now, lagChartMinutes), $lte: now } },
    { orderBy: { appliedAt: 'desc' }, limit: lagChartBound, fields: ['createdAt', 'appliedAt'] },
  );
  const times = applied.map((message) => ({ createdAt: message.createdAt, appliedAt: message.appliedAt! }));
  const readFrom = times.length === lagChartBound ? times.at(-1)!.appliedAt : null;
  return lagPerMinute(times, now, lagChartMinutes, readFrom);
}

/** The sync page's figures: the ones /metrics and ops.stats give, per kind, and the lag of the last hour. */
export async function syncOverview(ctx: OpsContext) {
  const now = ctx.now();
  const [metrics, byKind, lag] = await Promise.all([
    syncMetrics(ctx.systemDb, now),
    backlogByKind(ctx.systemDb),
    lagLastHour(ctx.systemDb, now),
  ]);
  return { ...metrics, backlogByKind: byKind, lagPerMinute: lag };
}

const rowOf = (message: SyncMessage): SyncMessageRow => ({
  id: message.id,
  kind: message.kind,
  source: message.source,
  target: message.target,
  entityType: message.entityType,
  entityId: message.entityId,
  entityVersion: message.entityVersion,
  status: message.status,
  attempts: message.attempts,
  lastError: message.lastError ?? null,
  createdAt: message.createdAt.toISOString(),
  availableAt: message.availableAt.toISOString(),
  appliedAt: message.appliedAt?.toISOString() ?? null,
});

/**
 * Messages the job failed on and will try again (attempts used, or a target that was down), next attempt first.
 * A message just replayed has a clean slate and is not among them.
 */
export async function retriedMessages(ctx: OpsContext) {
  const retried = { status: 'pending' as const, $or: [{ attempts: { $gt: 0 } }, { lastError: { $ne: null } }] };
  const [messages, total] = await Promise.all([
    ctx.systemDb.find(SyncMessage, retried, { orderBy: { availableAt: 'asc', id: 'asc' }, limit: retriesBound }),
    ctx.systemDb.count(SyncMessage, retried),
  ]);
  return { messages: messages.map(rowOf), total };
}

/** Messages given up on, newest first, with their payload and the error that stopped them, a page at a time. */
export async function deadLetters(ctx: OpsContext, query: DeadLettersQuery) {
  const dead = await ctx.systemDb.find(
    SyncMessage,
    { status: 'dead', ...olderThanCursor('createdAt', query.cursor) },
    // One more than a page: whether it comes back says if there is a next page.
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: query.limit + 1 },
  );
  const page = dead.slice(0, query.limit);
  return {
    deadLetters: page.map((message): DeadLetter => ({ ...rowOf(message), payload: message.payload })),
    nextCursor: dead.length > query.limit ? cursorAt(page.at(-1)!.createdAt, page.at(-1)!.id) : null,
  };
}

/** Every message about one entity, whatever its kind or state, in the order they were recorded. */
export async function messagesOfEntity(ctx: OpsContext, input: EntityMessagesInput) {
  const messages = await ctx.systemDb.find(
    SyncMessage,
    { entityId: input.entityId },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: entityMessagesBound + 1 },
  );
  return {
    messages: messages.slice(0, entityMessagesBound).map(rowOf),
    /** More were recorded than a page lists: the newest are left out. */
    more: messages.length > entityMessagesBound,
  };
}

type SyncMessageDocument = Omit<SyncMessage, 'id'> & { _id: string };

/**
 * Puts one dead letter back in line with fresh attempts, and audits it. The change is one conditional update that
 * hands back the letter as it was, so of any number of replays at once exactly one finds it dead, and that one
 * records the trail entry with the state the operator acted on. False: it was no dead letter (any more).
 */
async function replayOne(ctx: OpsContext, messageId: string): Promise<boolean> {
  const before = await syncMessageCollection<SyncMessageDocument>(ctx.systemDb).findOneAndUpdate(
    { _id: messageId, status: 'dead' },
    { $set: { status: 'pending', attempts: 0, availableAt: ctx.now(), lastError: null } },
    // Whole: FerretDB's findAndModify takes no projection.
    { returnDocument: 'before' },
  );
  if (!before) return false;
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: 'syncMessage.replay',
      target: { type: 'syncMessage', id: messageId },
      before: { status: 'dead', attempts: before.attempts, lastError: before.lastError ?? null },
      after: { status: 'pending', attempts: 0, lastError: null },
    },
    ctx.now(),
  );
  ctx.log.info('Dead letter replayed', { messageId, by: ctx.viewer!.email });
  return true;
}

export async function replayDeadLetter(ctx: OpsContext, input: ReplayInput) {
  if (!(await replayOne(ctx, input.messageId)))
    throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no dead letter with this id.' });
  return { replayed: true };
}

/**
 * Replays the selected dead letters, each once. A letter that is no longer dead (another operator, or the same
 * request sent twice, replayed it first) is passed over and named, not an error: the selection was made from a
 * page that may be out of date.
 */
export async function replaySelected(ctx: OpsContext, input: ReplaySelectedInput) {
  const replayed: string[] = [];
  const passedOver: string[] = [];
  for (const messageId of new Set(input.messageIds))
    ((await replayOne(ctx, messageId)) ? replayed : passedOver).push(messageId);
  return { replayed, passedOver };
}
