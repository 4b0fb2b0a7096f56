/**
 * The audit trail as one list (SPEC.md §8): employees' and suppliers' entries from the Operational DB and operators'
 * from the System DB, merged newest first and paged by a cursor (the last entry's time and id), so a page never
 * repeats or skips an entry however many are written meanwhile.
 */
import { AuditEntry } from '@astro/db/operational';
import { OperatorAuditEntry } from '@astro/db/system';
import { TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import type { AuditAction, AuditEntryView, AuditPage, AuditTarget, ListAuditQuery } from './audit.schemas.ts';

/** Support and finance work bookings, so they see the history of bookings only; an admin sees everything. */
const bookingsOnly = (ctx: AdminContext) => !ctx.viewer!.roles.includes('admin');

/** Time then id: ISO times of one length sort as text, and both stores order lowercase UUIDs as text does. */
const cursorOf = (entry: AuditEntryView) => `${entry.at}~${entry.id}`;

/** Newest first, entries of one moment by id descending, as each store's query orders them. */
const newestFirst = (a: AuditEntryView, b: AuditEntryView) => {
  const [one, other] = [cursorOf(a), cursorOf(b)];
  return one < other ? 1 : one > other ? -1 : 0;
};

const viewOf = (entry: AuditEntry | OperatorAuditEntry, trail: AuditEntryView['trail']): AuditEntryView => ({
  id: entry.id,
  trail,
  at: entry.at.toISOString(),
  actor: { accountId: entry.actorAccountId, email: entry.actorEmail, role: entry.actorRole },
  action: entry.action as AuditAction,
  target: { type: entry.targetType as AuditTarget, id: entry.targetId },
  before: entry.before ?? null,
  after: entry.after ?? null,
  reason: entry.reason ?? null,
  correlationId: entry.correlationId ?? null,
});

function whereOf(query: ListAuditQuery) {
  const [cursorAt, cursorId] = query.cursor ? query.cursor.split('~') : [];
  const before = cursorAt ? new Date(cursorAt) : null;
  return {
    ...(query.actorEmail ? { actorEmail: query.actorEmail } : {}),
    ...(query.actorAccountId ? { actorAccountId: query.actorAccountId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to
      ? { at: { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) } }
      : {}),
    ...(before ? { $or: [{ at: { $lt: before } }, { at: before, id: { $lt: cursorId! } }] } : {}),
  };
}

export async function listAuditEntries(ctx: AdminContext, input: ListAuditQuery): Promise<AuditPage> {
  if (bookingsOnly(ctx) && input.targetType && input.targetType !== 'booking')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role sees the history of bookings only.' });
  const query: ListAuditQuery = bookingsOnly(ctx) ? { ...input, targetType: 'booking' } : input;
  const where = whereOf(query);
  // One more than a page from each trail: enough to fill the page and to know whether another follows.
  const options = { orderBy: { at: 'desc', id: 'desc' }, limit: query.limit + 1 } as const;
  const [operational, system] = await Promise.all([
    ctx.operationalDb.find(AuditEntry, where, options),
    ctx.systemDb.find(OperatorAuditEntry, where, options),
  ]);
  const merged = [
    ...operational.map((entry) => viewOf(entry, 'operational')),
    ...system.map((entry) => viewOf(entry, 'system')),
  ].sort(newestFirst);
  const entries = merged.slice(0, query.limit);
  return { entries, nextCursor: merged.length > query.limit ? cursorOf(entries.at(-1)!) : null };
}
