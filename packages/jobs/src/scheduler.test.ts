import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRun } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { createScheduler } from './scheduler.ts';

describe('the Job Scheduler', () => {
  let test: TestStores;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const runs = (job: string) => test.stores.system.em.fork().find(JobRun, { job }, { orderBy: { startedAt: 'asc' } });

  beforeAll(async () => {
    test = await openTestStores();
  });
  afterAll(() => test.drop());

  it('records each run with its outcome, counts and duration', async () => {
    const scheduler = createScheduler({ system: test.stores.system, log, instance: 'test-1' });
    scheduler.register({
      name: 'count-stars',
      description: 'Counts stars',
      schedule: '0 0 0 1 1 *',
      run: async () => ({ stars: 7 }),
    });
    const run = await scheduler.runNow('count-stars');
    expect(run).toMatchObject({ outcome: 'succeeded', counts: { stars: 7 }, instance: 'test-1', trigger: 'manual' });
    expect(await runs('count-stars')).toEqual([
      expect.objectContaining({ outcome: 'succeeded', durationMs: expect.any(Number), finishedAt: expect.any(Date) }),
    ]);
  });

  it('records a failed run with the error and keeps scheduling', async () => {
    const scheduler = createScheduler({ system: test.stores.system, log, instance: 'test-1' });
    scheduler.register({
      name: 'always-fails',
      description: 'Fails',
      schedule: '0 0 0 1 1 *',
      run: async () => {
        throw new Error('The SMTP server said no');
      },
    });
    expect(await scheduler.runNow('always-fails')).toMatchObject({
      outcome: 'failed',
      error: 'The SMTP server said no',
    });
    expect(await scheduler.runNow('always-fails')).toMatchObject({ outcome: 'failed' });
    expect(await runs('always-fails')).toHaveLength(2);
  });

  it('never runs a job twice at once in one process: a second request joins the run in progress', async () => {
    const scheduler = createScheduler({ system: test.stores.system, log, instance: 'test-1' });
    let active = 0;
    let most = 0;
    scheduler.register({
      name: 'slow',
      description: 'Takes a while',
      schedule: '0 0 0 1 1 *',
      run: async () => {
        most = Math.max(most, ++active);
        await new Promise((resolve) => setTimeout(resolve, 200));
        active--;
      },
    });
    const [first, second] = await Promise.all([scheduler.runNow('slow'), scheduler.runNow('slow')]);
    expect(first.id).toBe(second.id);
    expect(most).toBe(1);
  });

  it('runs jobs on their timetable until stopped', async () => {
    const scheduler = createScheduler({ system: test.stores.system, log, instance: 'test-1' });
    let ticks = 0;
    scheduler.register({
      name: 'every-second',
      description: 'Ticks',
      schedule: '* * * * * *',
      run: async () => void ticks++,
    });
    scheduler.start();
    expect(scheduler.jobs()[0]?.nextRun).toBeInstanceOf(Date);
    await expect.poll(() => ticks, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await scheduler.stop();
    const stoppedAt = ticks;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ticks).toBe(stoppedAt);
    expect(scheduler.jobs()[0]?.nextRun).toBeNull();
  });

  it("runs a job on one instance at a time, however many schedulers ask, and takes over a dead one's lease", async () => {
    let running = 0;
    let mostAtOnce = 0;
    const slowJob = {
      name: 'one-at-a-time',
      description: 'Takes a while',
      schedule: '0 0 0 1 1 *',
      run: async () => {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        await new Promise((resolve) => setTimeout(resolve, 300));
        running--;
        return { done: 1 };
      },
    };
    const instances = ['east', 'west', 'north'].map((instance) => {
      const scheduler = createScheduler({ system: test.stores.system, log, instance });
      scheduler.register(slowJob);
      return scheduler;
    });
    const outcomes = await Promise.all(instances.map((scheduler) => scheduler.runNow('one-at-a-time')));
    expect(mostAtOnce).toBe(1);
    expect(outcomes.map((run) => run.outcome).sort()).toEqual(['skipped', 'skipped', 'succeeded']);

    // A holder that died mid-run keeps its lease only until it lapses.
    await test.stores.system.em
      .getConnection()
      .getCollection('job_leases')
      .updateOne(
        { _id: 'one-at-a-time' as never },
        { $set: { holder: 'crashed', until: new Date(Date.now() + 60_000) } },
      );
    expect((await instances[0]!.runNow('one-at-a-time')).outcome).toBe('skipped');
    await test.stores.system.em
      .getConnection()
      .getCollection('job_leases')
      .updateOne({ _id: 'one-at-a-time' as never }, { $set: { until: new Date(Date.now() - 1) } });
    expect((await instances[1]!.runNow('one-at-a-time')).outcome).toBe('succeeded');
  });

  it('refuses to run a job it does not know', async () => {
    const scheduler = createScheduler({ system: test.stores.system, log, instance: 'test-1' });
    await expect(scheduler.runNow('nope')).rejects.toThrow('There is no job named nope');
  });
});
