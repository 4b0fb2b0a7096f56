import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { changedFields } from '../audit.ts';
import { AuditEntry } from './audit-entry.entity.ts';
import { recordAudit } from './audit.ts';

describe('the audit trail in the Operational DB', () => {
  let world: TestStores;
  const at = new Date('2026-11-25T12:00:00Z');
  let entryId: string;

  beforeAll(async () => {
    world = await openTestStores();
    const em = world.stores.operational.em.fork();
    await em.transactional(async (tx) => {
      entryId = recordAudit(
        tx,
        {
          actor: { accountId: 'admin-1', email: 'admin@astro.example', role: 'admin' },
          action: 'agency.updateLegal',
          target: { type: 'agency', id: 'agency-1' },
          ...changedFields({ legalName: 'Old Ltd', taxId: 'T-1' }, { legalName: 'New Ltd', taxId: 'T-1' }),
          reason: 'Registry correction',
        },
        at,
      ).id;
    });
  });
  afterAll(() => world.drop());

  it('keeps what an action changed, field by field, with who did it and why', async () => {
    expect(await world.stores.operational.em.fork().findOneOrFail(AuditEntry, entryId)).toMatchObject({
      actorEmail: 'admin@astro.example',
      action: 'agency.updateLegal',
      targetType: 'agency',
      before: { legalName: 'Old Ltd' },
      after: { legalName: 'New Ltd' },
      reason: 'Registry correction',
      at,
    });
  });

  it.each([
    ['UPDATE', `update audit_entry set reason = 'rewritten'`],
    ['DELETE', 'delete from audit_entry'],
    ['TRUNCATE', 'truncate audit_entry'],
  ])('refuses %s, even as plain SQL', async (operation, sql) => {
    const connection = world.stores.operational.em.fork().getConnection();
    await expect(connection.execute(sql)).rejects.toThrow(
      `The audit trail is append-only: ${operation} on audit_entry is refused.`,
    );
    expect(await connection.execute('select id, reason from audit_entry')).toEqual([
      { id: entryId, reason: 'Registry correction' },
    ]);
  });
});
