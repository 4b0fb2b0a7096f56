/** Recording an employee's or a supplier's action (SPEC.md §8) in the same transaction as the change itself. */
import { auditEntryFields, type AuditRecord } from '../audit.ts';
import { AuditEntry, type AuditedAction, type AuditTargetType } from './audit-entry.entity.ts';
import type { OperationalEntityManager } from './orm.ts';

/**
 * Adds the entry to `em`'s unit of work: it is written when the caller's transaction flushes, with the change, or not
 * at all. Call it only once the change has passed every check, so a refused change leaves no entry.
 */
export function recordAudit(
  em: OperationalEntityManager,
  record: AuditRecord<AuditedAction, AuditTargetType>,
  at: Date,
): AuditEntry {
  return em.create(AuditEntry, auditEntryFields(record, at));
}
