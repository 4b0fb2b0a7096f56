/**
 * The audit trail as one list (SPEC.md §8): employees' and suppliers' entries from the Operational DB and operators'
 * from the System DB, merged newest first and paged by a cursor (the last entry's time and id), so a page never
 * repeats or skips an entry however many are written meanwhile.
 */
import { AuditEntry } from '@astro/db/operational';
import { OperatorAuditEntry, operatorAuditCollection } from '@astro/db/system';
import { allowed, unavailable, type Availability } from '@astro/domain';
import { TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import {
  auditActions,
  auditTargets,
  type AuditAction,
  type AuditChoices,
  type AuditEntryView,
  type AuditPage,
  type AuditTarget,
  type ListAuditQuery,
} from './audit.schemas.ts';

/** Support and finance work bookings, so they see the history of bookings only; an admin sees everything. */
const bookingsOnly = (ctx: AdminContext) => !ctx.viewer!.roles.includes('admin');

/** Whether the viewer may read the history of things of `type`, and if not, why: detail pages offer the link by it. */
export const auditHistoryOf = (ctx: AdminContext, type: AuditTarget): Availability =>
  bookingsOnly(ctx) && type !== 'booking' ? unavailable('Your role sees the history of bookings only.') : allowed;

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

type Position = { cursor: string; towards: 'older' | 'newer' } | null;

function whereOf(query: ListAuditQuery, position: Position) {
  const [cursorAt, cursorId] = position ? position.cursor.split('~') : [];
  const moment = cursorAt ? new Date(cursorAt) : null;
  const [beyond, idBeyond] = position?.towards === 'newer' ? (['$gt', '$gt'] as const) : (['$lt', '$lt'] as const);
  return {
    ...(query.actorEmail ? { actorEmail: query.actorEmail } : {}),
    ...(query.actorAccountId ? { actorAccountId: query.actorAccountId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to
      ? { at: { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) } }
      : {}),
    ...(moment ? { $or: [{ at: { [beyond]: moment } }, { at: moment, id: { [idBeyond]: cursorId! } }] } : {}),
  };
}

/** Up to `limit` entries from each trail beyond `position`, merged newest first. */
async function entriesOf(ctx: AdminContext, query: ListAuditQuery, position: Position, limit: number) {
  const where = whereOf(query, position);
  // Paging towards newer entries reads upwards from the cursor: the nearest ones first.
  const direction = position?.towards === 'newer' ? 'asc' : 'desc';
  const options = { orderBy: { at: direction, id: direction }, limit } as const;
  const [operational, system] = await Promise.all([
    ctx.operationalDb.find(AuditEntry, where, options),
    ctx.systemDb.find(OperatorAuditEntry, where, options),
  ]);
  return [
    ...operational.map((entry) => viewOf(entry, 'operational')),
    ...system.map((entry) => viewOf(entry, 'system')),
  ].sort(newestFirst);
}

/** The query as the viewer's role lets it ask: support and finance only ever about bookings. */
function visibleTo(ctx: AdminContext, input: ListAuditQuery): ListAuditQuery {
  if (!bookingsOnly(ctx)) return input;
  const history = input.targetType ? auditHistoryOf(ctx, input.targetType) : allowed;
  if (!history.allowed) throw new TRPCError({ code: 'FORBIDDEN', message: history.reason });
  return { ...input, targetType: 'booking' };
}

export async function listAuditEntries(ctx: AdminContext, input: ListAuditQuery): Promise<AuditPage> {
  const query = visibleTo(ctx, input);
  if (query.newerThan) {
    // One more than a page from each trail, to know whether still newer entries lie beyond this page.
    const newer = (await entriesOf(ctx, query, { cursor: query.newerThan, towards: 'newer' }, query.limit + 1))
      .reverse()
      .slice(0, query.limit + 1);
    // Within a page of the newest, the newest page itself answers, so its bounds are the first page's again.
    if (newer.length > query.limit) {
      const entries = newer.slice(0, query.limit).reverse();
      return { entries, nextCursor: cursorOf(entries.at(-1)!), newerCursor: cursorOf(entries[0]!) };
    }
    return listAuditEntries(ctx, { ...query, newerThan: undefined });
  }
  const position: Position = query.cursor ? { cursor: query.cursor, towards: 'older' } : null;
  // One more than a page from each trail: enough to fill the page and to know whether another follows.
  const merged = await entriesOf(ctx, query, position, query.limit + 1);
  const entries = merged.slice(0, query.limit);
  return {
    entries,
    nextCursor: merged.length > query.limit ? cursorOf(entries.at(-1)!) : null,
    // Past the first page, the entry the cursor names and every one before it are newer.
    newerCursor: position && entries.length > 0 ? cursorOf(entries[0]!) : null,
  };
}

/** The filter form's choices, limited as the list is to what the viewer's role may see. */
export async function auditChoices(ctx: AdminContext): Promise<AuditChoices> {
  const targetTypes = bookingsOnly(ctx) ? (['booking'] as const) : auditTargets;
  const where = bookingsOnly(ctx) ? { targetType: 'booking' } : {};
  const [employees, operators] = await Promise.all([
    ctx.operationalDb
      .getConnection()
      .execute<{ actor_email: string }[]>(
        `select distinct actor_email from audit_entry ${bookingsOnly(ctx) ? "where target_type = 'booking'" : ''}`,
      ),
    operatorAuditCollection(ctx.systemDb).distinct('actorEmail', where),
  ]);
  return {
    // Every action is named after what it is done to: `booking.cancel`, `agency.updateLegal`.
    actions: auditActions.filter((action) => targetTypes.some((type) => action.startsWith(`${type}.`))),
    targetTypes: [...targetTypes],
    actors: [...new Set([...employees.map((row) => row.actor_email), ...(operators as string[])])].sort(),
  };
}
