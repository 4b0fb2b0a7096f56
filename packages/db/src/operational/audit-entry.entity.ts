import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AuditValues } from '../audit.ts';
import { uuidKey } from '../properties.ts';

/** What employees and suppliers do that the trail records; each state-changing procedure names its own. */
export const auditedActions = [
  'agency.updateProfile',
  'agency.updateLegal',
  'agency.onboard',
  'agency.suspend',
  'agency.reactivate',
  'rocket.create',
  'rocket.update',
  'rocket.deactivate',
  'launch.schedule',
  'launch.edit',
  'launch.changeStatus',
  'booking.cancel',
  'booking.resendConfirmation',
  'account.create',
  'account.setRoles',
  'account.deactivate',
  'account.reactivate',
  'account.unlock',
  'account.sendPasswordReset',
  'invoice.recordPayment',
  'invoice.issueCreditNote',
] as const;
export type AuditedAction = (typeof auditedActions)[number];

/** What an action is done to; `account` is a System DB user, the rest are Operational DB records (or copies). */
export const auditTargetTypes = ['agency', 'rocket', 'launch', 'booking', 'account', 'invoice'] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

const refusal = (what: string) =>
  `raise exception 'The audit trail is append-only: % on audit_entry is refused.', ${what} using errcode = 'insufficient_privilege';`;

/**
 * One action of an employee or a supplier (SPEC.md §8), written by recordAudit in the transaction of the change.
 * Append-only: the database's triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  indexes: [
    { name: 'audit_entry_at_index', properties: ['at', 'id'] },
    { name: 'audit_entry_target_index', properties: ['targetType', 'targetId', 'at'] },
    { name: 'audit_entry_actor_index', properties: ['actorAccountId', 'at'] },
    { name: 'audit_entry_action_index', properties: ['action', 'at'] },
  ],
  // TRUNCATE is refused too, by a trigger the migration adds itself: MikroORM reads triggers from
  // information_schema, which lists no TRUNCATE trigger, so it would want to drop one declared here.
  triggers: [
    { name: 'append_only', timing: 'before', events: ['update', 'delete'], forEach: 'row', body: refusal('tg_op') },
  ],
  properties: {
    id: uuidKey(),
    actorAccountId: p.string().length(80),
    actorEmail: p.string().length(254),
    actorRole: p.string().length(40),
    action: p.string().length(80),
    targetType: p.string().length(40),
    targetId: p.string().length(80),
    before: p.json<AuditValues>().nullable(),
    after: p.json<AuditValues>().nullable(),
    reason: p.text().nullable(),
    at: p.datetime(),
    correlationId: p.string().length(120).nullable(),
  },
});
export type AuditEntry = InferEntity<typeof AuditEntry>;
