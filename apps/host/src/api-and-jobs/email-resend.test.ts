import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogTail, createOpsContext, opsRouter } from '@astro/api';
import { Email, OperatorAuditEntry, queueEmail } from '@astro/db/system';
import { maxEmailAttempts } from '@astro/jobs';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import {
  deliverToMailbox,
  startMailbox,
  type Mailbox,
} from '../../../../packages/jobs/src/email/mailbox.test-support.ts';
import { quietLog } from './people.test-support.ts';

describe('an e-mail an operator resends', () => {
  let world: TestStores;
  let mailbox: Mailbox;
  const em = () => world.stores.system.em.fork();
  const sender = () => deliverToMailbox(world.stores.system, mailbox);

  beforeAll(async () => {
    world = await openTestStores();
    mailbox = await startMailbox();
  });
  afterAll(async () => {
    await mailbox.close();
    await world.drop();
  });

  it("marks a permanent refusal as failed with the server's answer, and sends it when an operator resends", async () => {
    mailbox.refuse(550, 'No such user here');
    await queueEmail(
      em(),
      {
        dedupeKey: 'test:gone',
        event: 'hold-expired',
        recipient: 'gone@example.com',
        template: 'hold-expired',
        data: { name: 'Ada', missionName: 'Selene Dawn', seats: 3, holdMinutes: 10, path: '/launches/selene-dawn' },
      },
      new Date(),
    );
    expect(await sender()).toMatchObject({ failed: 1 });
    const failed = await em().findOneOrFail(Email, { recipient: 'gone@example.com' });
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('No such user here'),
    });
    expect(maxEmailAttempts).toBeGreaterThan(1);

    mailbox.accept();
    const operator = opsRouter.createCaller(
      createOpsContext({
        system: world.stores.system,
        log: quietLog,
        viewer: { userId: 'op', name: 'Op', email: 'op@example.com', roles: ['operator'], agencyId: null },
        probeComponents: async () => [],
        publicUrl: 'http://localhost',
        logTail: createLogTail(world.stores.system),
      }),
    );
    expect((await operator.email.queue()).failures).toEqual([
      expect.objectContaining({ recipient: 'gone@example.com' }),
    ]);
    await operator.email.resend({ emailId: failed.id });
    expect(await world.stores.system.em.fork().find(OperatorAuditEntry, { targetId: failed.id })).toEqual([
      expect.objectContaining({ action: 'email.resend', actorEmail: 'op@example.com', targetType: 'email' }),
    ]);
    expect(await sender()).toMatchObject({ sent: 1 });
    expect(await mailbox.received()).toHaveLength(1);
  });
});
