import { z } from 'zod';
import { auditedActions, auditTargetTypes } from '@astro/db/operational';
import { operatorActions, operatorTargetTypes, type AuditActor, type AuditValues } from '@astro/db/system';
import { timeIdCursor } from '../../cursor.ts';

/** Every action either trail records: employees' and suppliers' (Operational DB), operators' (System DB). */
export const auditActions = [...auditedActions, ...operatorActions] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditTargets = [...auditTargetTypes, ...operatorTargetTypes] as const;
export type AuditTarget = (typeof auditTargets)[number];

/** Where a page ends: the last entry's time and id, as `nextCursor` gives it. */
const cursor = timeIdCursor('This is not a page of the audit trail.');

export const listAuditInput = z
  .object({
    /** The person who acted, by e-mail (any case) or by account id. */
    actorEmail: z.email('Enter an e-mail address like name@example.com.').max(254).toLowerCase().optional(),
    actorAccountId: z.string().trim().min(1).max(80).optional(),
    action: z.enum(auditActions).optional(),
    targetType: z.enum(auditTargets).optional(),
    targetId: z.string().trim().min(1).max(80).optional(),
    /** Inclusive bounds on when the action happened. */
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.int().min(1).max(100).default(50),
    /** The previous page's `nextCursor`: the entries older than it. Absent for the newest entries. */
    cursor: cursor.optional(),
    /** A page's `newerCursor`: the entries newer than it, paging back towards the newest. */
    newerThan: cursor.optional(),
  })
  .refine((input) => !(input.cursor && input.newerThan), {
    path: ['newerThan'],
    message: 'Page towards older or newer entries, not both at once.',
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    path: ['to'],
    message: 'The end of the period must not be before its start.',
  });
export type ListAuditInput = z.input<typeof listAuditInput>;
export type ListAuditQuery = z.output<typeof listAuditInput>;

/** One audited action, from either trail. */
export interface AuditEntryView {
  id: string;
  /** `operational` for employees' and suppliers' actions, `system` for operators'. */
  trail: 'operational' | 'system';
  /** ISO 8601. */
  at: string;
  actor: AuditActor;
  action: AuditAction;
  target: { type: AuditTarget; id: string };
  /** The changed fields as they were (null for something created) and as they became. */
  before: AuditValues | null;
  after: AuditValues | null;
  reason: string | null;
  correlationId: string | null;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntryView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `newerThan` for the previous (newer) page; null on the newest page. */
  newerCursor: string | null;
}

/** What the audit page's filter form offers: every action and target type the viewer may see, and who has acted. */
export interface AuditChoices {
  actions: AuditAction[];
  targetTypes: AuditTarget[];
  /** The e-mail of everyone on the trail the viewer may see, alphabetically. */
  actors: string[];
}
