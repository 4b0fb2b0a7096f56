/**
 * Operators' actions (SPEC.md §8), which change only the System DB. FerretDB has no triggers, so "insert-only" is
 * kept by the code: recordOperatorAudit inserts, and no code path updates or deletes this collection (the retention
 * job leaves it alone too).
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { auditEntryFields, type AuditRecord, type AuditValues } from '../audit.ts';
import { collectionOf } from '../mongo.ts';
import type { SystemEntityManager } from './orm.ts';
import { documentKey } from '../properties.ts';

export const operatorActions = ['email.resend', 'syncMessage.replay', 'job.runNow', 'job.pause', 'job.resume'] as const;
export type OperatorAction = (typeof operatorActions)[number];

export const operatorTargetTypes = ['email', 'syncMessage', 'job'] as const;
export type OperatorTargetType = (typeof operatorTargetTypes)[number];

export const OperatorAuditEntry = defineEntity({
  name: 'OperatorAuditEntry',
  collection: 'operator_audit',
  indexes: [
    { properties: ['at', 'id'] },
    { properties: ['targetType', 'targetId', 'at'] },
    { properties: ['actorAccountId', 'at'] },
  ],
  properties: {
    id: documentKey(),
    actorAccountId: p.string(),
    actorEmail: p.string(),
    actorRole: p.string(),
    action: p.string(),
    targetType: p.string(),
    targetId: p.string(),
    before: p.json<AuditValues>().nullable(),
    after: p.json<AuditValues>().nullable(),
    reason: p.string().nullable(),
    at: p.datetime(),
    correlationId: p.string().nullable(),
  },
});
export type OperatorAuditEntry = InferEntity<typeof OperatorAuditEntry>;

/**
 * Records an operator's action once it has succeeded. The System DB has no transactions, so the change is written
 * first and this entry right after it: a change refused writes none.
 */
export async function recordOperatorAudit(
  em: SystemEntityManager,
  record: AuditRecord<OperatorAction, OperatorTargetType>,
  at: Date,
): Promise<void> {
  await collectionOf<Omit<OperatorAuditEntry, 'id'> & { _id: string }>(em, OperatorAuditEntry).insertOne({
    _id: crypto.randomUUID(),
    ...auditEntryFields(record, at),
  });
}
