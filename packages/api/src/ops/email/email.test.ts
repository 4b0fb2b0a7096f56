import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Email, idFromKey, queueEmail } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorTrailOf } from '../../audit.test-support.ts';
import { operatorCaller } from '../operator.test-support.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('ops email.resend', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);

  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  it('queues a failed e-mail again and records it in the operators’ trail, and records nothing it refuses', async () => {
    const dedupeKey = 'hold-expired:audit-test';
    await queueEmail(
      world.stores.system.em.fork(),
      { dedupeKey, event: 'hold-expired', recipient: 'traveler@example.com', template: 'hold-expired', data: {} },
      now,
    );
    const emailId = idFromKey(dedupeKey);
    await world.stores.system.em
      .fork()
      .nativeUpdate(Email, { id: emailId }, { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' });

    expect(await operator().email.resend({ emailId })).toEqual({ queued: true });
    expect(await world.stores.system.em.fork().findOneOrFail(Email, emailId)).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    await expect(operator().email.resend({ emailId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(operator().email.resend({ emailId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await operatorTrailOf(world.stores, 'email', emailId)).toEqual([
      expect.objectContaining({
        actorRole: 'operator',
        action: 'email.resend',
        before: { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' },
        after: { status: 'pending', attempts: 0, lastError: null },
      }),
    ]);
  });
});
