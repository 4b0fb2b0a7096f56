/** What the audit trails hold about one thing, for the API tests of every state-changing procedure. */
import type { Stores } from '@astro/db';
import { AuditEntry, type AuditTargetType } from '@astro/db/operational';
import { OperatorAuditEntry, type OperatorTargetType } from '@astro/db/system';

/** The Operational DB's entries about a target, oldest first. */
export const auditTrailOf = (stores: Stores, type: AuditTargetType, id: string) =>
  stores.operational.em
    .fork()
    .find(AuditEntry, { targetType: type, targetId: id }, { orderBy: { at: 'asc', id: 'asc' } });

/** The System DB's entries about a target, oldest first. */
export const operatorTrailOf = (stores: Stores, type: OperatorTargetType, id: string) =>
  stores.system.em.fork().find(OperatorAuditEntry, { targetType: type, targetId: id }, { orderBy: { at: 'asc' } });

/** Every entry of the Operational DB: a refused change must not add to it. */
export const auditEntryCount = (stores: Stores) => stores.operational.em.fork().count(AuditEntry, {});
