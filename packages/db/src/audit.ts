/**
 * What an audit entry says (SPEC.md §8), shared by the Operational DB's trail (employees' and suppliers' actions)
 * and the System DB's (operators'): who, what, on what, the changed fields before and after, why, when.
 */

import { currentCorrelation } from '@astro/logging';

/** The signed-in person who acted: their account (System DB user id), e-mail and the role they acted in. */
export interface AuditActor {
  accountId: string;
  email: string;
  role: string;
}

/** Field values as JSON keeps them: dates as ISO strings. */
export type AuditValues = Record<string, unknown>;

export interface AuditRecord<Action extends string, TargetType extends string> {
  actor: AuditActor;
  action: Action;
  target: { type: TargetType; id: string };
  /** The changed fields as they were (null for something created) and as they are now. */
  before: AuditValues | null;
  after: AuditValues | null;
  reason?: string | null;
}

const asJson = (values: AuditValues): AuditValues => JSON.parse(JSON.stringify(values)) as AuditValues;

/** Only the fields whose values differ, before and after; dates compared and kept as ISO strings. */
export function changedFields(before: AuditValues, after: AuditValues): { before: AuditValues; after: AuditValues } {
  const was = asJson(before);
  const is = asJson(after);
  const changed = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter(
    (field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]),
  );
  return {
    before: Object.fromEntries(changed.filter((field) => field in was).map((field) => [field, was[field]])),
    after: Object.fromEntries(changed.filter((field) => field in is).map((field) => [field, is[field]])),
  };
}

/** Values as an entry keeps them, for a record created or a command given (no "before" to compare with). */
export const auditValues = (values: AuditValues): AuditValues => asJson(values);

/** The fields an entry is kept as, in either trail: the record, when, and the request's correlation id. */
export const auditEntryFields = <Action extends string, TargetType extends string>(
  record: AuditRecord<Action, TargetType>,
  at: Date,
) => ({
  actorAccountId: record.actor.accountId,
  actorEmail: record.actor.email,
  actorRole: record.actor.role,
  action: record.action,
  targetType: record.target.type,
  targetId: record.target.id,
  before: record.before,
  after: record.after,
  reason: record.reason ?? null,
  at,
  correlationId: currentCorrelation()?.correlationId ?? null,
});
