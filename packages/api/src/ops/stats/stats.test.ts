import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Email, idFromKey, JobRun, queueEmail } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorCaller, syncMessage } from '../operator.test-support.ts';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const minute = 60_000;

describe('ops.stats for alerting tools', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);

  beforeAll(async () => {
    world = await openTestStores();
    const em = world.stores.system.em.fork();
    const message = (kind: string, status: 'pending' | 'applied', createdAt: Date, appliedAt?: Date) =>
      syncMessage(em, { kind, status, createdAt, appliedAt });
    for (let i = 0; i < 3; i++) message('catalogue.launch-changed', 'pending', ago(30_000));
    message('booking.seats-held', 'pending', ago(10_000));
    message('catalogue.launch-changed', 'applied', ago(10 * minute), ago(10 * minute - 2000));
    const run = (job: string, outcome: 'failed' | 'succeeded', startedAt: Date, error: string | null) =>
      em.create(JobRun, {
        job,
        instance: 'east',
        trigger: 'schedule',
        startedAt,
        finishedAt: startedAt,
        durationMs: 5,
        outcome,
        counts: null,
        error,
        leaseToken: 1,
      });
    run('email-dispatch', 'failed', ago(50 * minute), 'SMTP server unreachable');
    run('email-dispatch', 'failed', ago(5 * minute), 'SMTP connection refused');
    run('email-dispatch', 'succeeded', ago(2 * minute), null);
    run('retention', 'failed', ago(2 * 60 * minute), 'an old failure, not in the last hour');
    await em.flush();
    for (const key of ['stats:a', 'stats:b', 'stats:c'])
      await queueEmail(
        world.stores.system.em.fork(),
        {
          dedupeKey: key,
          event: 'hold-expired',
          recipient: 'traveler@example.com',
          template: 'hold-expired',
          data: {},
        },
        now,
      );
    await world.stores.system.em
      .fork()
      .nativeUpdate(Email, { id: idFromKey('stats:c') }, { status: 'failed', lastError: '550 Mailbox unavailable' });
  });
  afterAll(() => world.drop());

  it('gives the sync backlog per kind and the apply lag, the e-mail queue by status, and the last hour of job failures', async () => {
    expect(await operator().stats()).toEqual({
      at: now.toISOString(),
      sync: {
        backlog: 4,
        dead: 0,
        oldestPendingMs: 30_000,
        applyLagMs: { p50: 2000, p99: 2000, sample: 1 },
        backlogByKind: [
          { kind: 'catalogue.launch-changed', pending: 3 },
          { kind: 'booking.seats-held', pending: 1 },
        ],
      },
      email: { pending: 2, sent: 0, failed: 1 },
      jobs: {
        failuresLastHour: 2,
        failedJobs: [
          {
            job: 'email-dispatch',
            failures: 2,
            lastFailedAt: ago(5 * minute).toISOString(),
            lastError: 'SMTP connection refused',
          },
        ],
      },
    });
  });

  it('answers with the same numbers the sync and e-mail pages show', async () => {
    const [stats, sync, email] = await Promise.all([
      operator().stats(),
      operator().sync.metrics(),
      operator().email.queue(),
    ]);
    expect(stats.sync).toMatchObject(sync);
    expect(stats.email).toEqual({ pending: email.pending, sent: email.sent, failed: email.failed });
  });
});
