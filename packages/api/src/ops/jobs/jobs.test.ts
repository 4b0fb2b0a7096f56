import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobControlCollection, jobLeaseCollection, JobRun } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { operatorCaller } from '../operator.test-support.ts';
import { scheduleInWords } from './jobs.service.ts';

const now = new Date('2026-11-25T12:00:00Z');
const registered = [
  { name: 'email-sender', description: 'Sends queued e-mail', schedule: '*/5 * * * * *', nextRun: now },
  { name: 'retention', description: 'Deletes what is kept too long', schedule: '0 17 * * * *', nextRun: null },
];

describe('ops jobs', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now, { registeredJobs: () => registered });

  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  it('says a timetable in words, and shows a pattern it cannot read as it is', () => {
    expect(scheduleInWords('*/5 * * * * *')).toBe('Every 5 seconds');
    expect(scheduleInWords('0 17 * * * *')).toBe('At 17 minutes past the hour');
    expect(scheduleInWords('not a pattern')).toBe('not a pattern');
  });

  it('lists every registered job with its latest runs first, the instance holding its lease and its pause', async () => {
    const em = world.stores.system.em.fork();
    for (const [minutes, outcome] of [
      [3, 'succeeded'],
      [2, 'failed'],
    ] as const) {
      em.create(JobRun, {
        job: 'email-sender',
        instance: 'host-a',
        trigger: 'schedule',
        startedAt: new Date(now.getTime() - minutes * 60_000),
        finishedAt: new Date(now.getTime() - minutes * 60_000 + 40),
        durationMs: 40,
        outcome,
        error: outcome === 'failed' ? 'The SMTP server said no' : null,
        leaseToken: 1,
      });
    }
    await em.flush();
    await jobLeaseCollection(em).insertOne({
      _id: 'email-sender',
      holder: 'host-b',
      until: new Date(now.getTime() + 1),
    });
    await jobLeaseCollection(em).insertOne({ _id: 'retention', holder: 'host-a', until: new Date(now.getTime() - 1) });
    await operator().jobs.pause({ job: 'retention', reason: 'Checking the retention periods' });

    expect(await operator().jobs.list()).toEqual([
      expect.objectContaining({
        name: 'email-sender',
        scheduleInWords: 'Every 5 seconds',
        nextRun: now.toISOString(),
        paused: null,
        leaseHolder: 'host-b',
        runs: [
          expect.objectContaining({ outcome: 'failed', error: 'The SMTP server said no', durationMs: 40 }),
          expect.objectContaining({ outcome: 'succeeded', error: null }),
        ],
      }),
      expect.objectContaining({
        name: 'retention',
        paused: { at: now.toISOString(), by: viewerAs('operator').email, reason: 'Checking the retention periods' },
        leaseHolder: null,
        runs: [],
      }),
    ]);
  });

  it('pauses and resumes a job once each, recording both in the operators’ trail and refusing a repeat', async () => {
    await operator().jobs.pause({ job: 'email-sender', reason: 'The SMTP server is down' });
    await expect(operator().jobs.pause({ job: 'email-sender' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'email-sender is paused already.',
    });
    expect(await jobControlCollection(world.stores.system.em).findOne({ _id: 'email-sender' })).toMatchObject({
      pausedAt: now,
      pauseReason: 'The SMTP server is down',
    });
    await operator().jobs.resume({ job: 'email-sender' });
    await expect(operator().jobs.resume({ job: 'email-sender' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await jobControlCollection(world.stores.system.em).findOne({ _id: 'email-sender' })).toMatchObject({
      pausedAt: null,
    });
    expect(await operatorTrailOf(world.stores, 'job', 'email-sender')).toEqual([
      expect.objectContaining({ action: 'job.pause', actorRole: 'operator', reason: 'The SMTP server is down' }),
      expect.objectContaining({ action: 'job.resume', before: { paused: true }, after: { paused: false } }),
    ]);
  });

  it('stores a run asked for, for a scheduler instance to pick up, and records who asked', async () => {
    expect(await operator().jobs.runNow({ job: 'retention' })).toEqual({ requested: true });
    expect(await jobControlCollection(world.stores.system.em).findOne({ _id: 'retention' })).toMatchObject({
      runRequestedAt: now,
    });
    expect((await operator().jobs.list())[1]).toMatchObject({ runRequested: true });
    expect(await operatorTrailOf(world.stores, 'job', 'retention')).toEqual([
      expect.objectContaining({ action: 'job.pause' }),
      expect.objectContaining({ action: 'job.runNow', after: { runRequestedAt: now.toISOString() } }),
    ]);
  });

  it('refuses a job the scheduler does not run, and records nothing', async () => {
    for (const call of [
      operator().jobs.runNow({ job: 'no-such-job' }),
      operator().jobs.pause({ job: 'no-such-job' }),
      operator().jobs.resume({ job: 'no-such-job' }),
    ]) {
      await expect(call).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'The scheduler runs no job named no-such-job.',
      });
    }
    await expect(operator().jobs.pause({ job: ' ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(operator().jobs.pause({ job: 'retention', reason: 'stop\u0000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await operatorTrailOf(world.stores, 'job', 'no-such-job')).toEqual([]);
  });

  it('resumes a job once when fifty operators resume it at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => operator().jobs.resume({ job: 'retention' })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const trail = await operatorTrailOf(world.stores, 'job', 'retention');
    expect(trail.filter((entry) => entry.action === 'job.resume')).toHaveLength(1);
  });
});
