import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobControlCollection, jobLeaseCollection, JobRun } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { startFerretDb } from '../../../scripts/services/index.ts';
import { freePort } from '../../../scripts/test-support/free-port.ts';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { createScheduler } from './scheduler.ts';

let test: TestStores;
const runs = (job: string) => test.stores.system.em.fork().find(JobRun, { job }, { orderBy: { startedAt: 'asc' } });

describe('the Job Scheduler', () => {
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });

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
    // Stopped (or never started, its jobs running in another process), it still knows when the next run is due.
    expect(scheduler.jobs()[0]?.nextRun).toBeInstanceOf(Date);
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
    await jobLeaseCollection(test.stores.system.em).updateOne(
      { _id: 'one-at-a-time' as never },
      { $set: { holder: 'crashed', until: new Date(Date.now() + 60_000) } },
    );
    expect((await instances[0]!.runNow('one-at-a-time')).outcome).toBe('skipped');
    await jobLeaseCollection(test.stores.system.em).updateOne(
      { _id: 'one-at-a-time' as never },
      { $set: { until: new Date(Date.now() - 1) } },
    );
    expect((await instances[1]!.runNow('one-at-a-time')).outcome).toBe('succeeded');
  });

  it('refuses to run a job it does not know', async () => {
    const scheduler = createScheduler({ system: test.stores.system, log, instance: 'test-1' });
    await expect(scheduler.runNow('nope')).rejects.toThrow('There is no job named nope');
  });
  describe('operators’ requests, stored in the System DB', () => {
    const everySecond = (name: string, ran: string[]) => ({
      name,
      description: 'Notes which instance ran it',
      schedule: '* * * * * *',
      run: async () => {
        ran.push(name);
      },
    });
    const twoInstances = (job: string, ran: string[]) =>
      ['test-1', 'test-2'].map((instance) => {
        const scheduler = createScheduler({ system: test.stores.system, log, instance, requestPollMs: 100 });
        scheduler.register(everySecond(job, ran));
        return scheduler;
      });

    it('a paused job is not run by any scheduler instance on its timetable, and runs again once resumed', async () => {
      const ran: string[] = [];
      const controls = jobControlCollection(test.stores.system.em);
      await controls.insertOne({ _id: 'paused-tick', pausedAt: new Date(), pausedBy: 'ops@example.com' });
      const schedulers = twoInstances('paused-tick', ran);
      schedulers.forEach((scheduler) => scheduler.start());
      await sleep(2_500);
      expect(await runs('paused-tick')).toEqual([]);
      await controls.updateOne({ _id: 'paused-tick' }, { $set: { pausedAt: null } });
      await expect.poll(() => ran.length, { timeout: 5_000 }).toBeGreaterThan(0);
      await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    });

    it('a run asked for is started once, by one of the instances, and the request is cleared', async () => {
      const ran: string[] = [];
      const controls = jobControlCollection(test.stores.system.em);
      // Paused, so the timetable adds no runs and the one run seen is the one asked for.
      await controls.insertOne({ _id: 'asked-for', pausedAt: new Date(), runRequestedAt: new Date() });
      const schedulers = twoInstances('asked-for', ran);
      schedulers.forEach((scheduler) => scheduler.start());
      await expect
        .poll(() => runs('asked-for'), { timeout: 5_000 })
        .toEqual([expect.objectContaining({ trigger: 'manual', outcome: 'succeeded' })]);
      await sleep(500);
      await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
      expect(ran).toEqual(['asked-for']);
      expect(await controls.findOne({ _id: 'asked-for' })).toMatchObject({ runRequestedAt: null });
    });
  });
});

describe('job leases held by scheduler processes that stall or lose their database', () => {
  const leaseMsForTest = 1_500;
  const started: ChildProcess[] = [];
  const stepsOf = (instance: string) =>
    test.stores.system.em
      .getCollection<{ instance: string; step: number; at: Date }>('fenced_steps')
      .find({ instance }, { sort: { step: 1 } })
      .toArray();

  /** A scheduler process running the job `fenced-steps` (lease-holder.test-support.ts). */
  function startScheduler(instance: string, options: { steps: number; leaseMongoUrl?: string }) {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./lease-holder.test-support.ts', import.meta.url))], {
      env: {
        ...process.env,
        INSTANCE: instance,
        LEASE_MONGO_URL: options.leaseMongoUrl ?? test.config.systemMongoUrl,
        WORK_MONGO_URL: test.config.systemMongoUrl,
        SYSTEM_DB_NAME: test.config.systemDbName,
        LEASE_MS: String(leaseMsForTest),
        STEPS: String(options.steps),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', () => {});
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return {
      child,
      steps: () => (output.match(/^step \d+$/gm) ?? []).length,
      /** What runNow answered in the process, once it has exited. */
      async outcome(): Promise<{ outcome: string; error: string | null }> {
        await exited;
        return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { outcome: string; error: string | null };
      },
    };
  }

  beforeAll(async () => {
    test = await openTestStores();
  });
  afterAll(async () => {
    // A process a failed test left running (or paused) must not outlive it.
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await test.drop();
  });

  it('a scheduler whose run outlasts its lease keeps it by renewing: another is refused until the run ends', async () => {
    const east = startScheduler('east-long', { steps: 40 });
    await expect.poll(() => east.steps(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    // Each asks while the run is going, after more than one lease has passed since it began.
    await sleep(leaseMsForTest);
    expect(await startScheduler('west-early', { steps: 1 }).outcome()).toMatchObject({ outcome: 'skipped' });
    expect(east.steps()).toBeLessThan(40);
    expect(await east.outcome()).toEqual({ outcome: 'succeeded', error: null });
    expect(await stepsOf('east-long')).toHaveLength(40);
    expect(await stepsOf('west-early')).toEqual([]);
  });

  it('a scheduler paused past its lease is taken over, and once resumed writes nothing more and records no result', async () => {
    const east = startScheduler('east', { steps: 10_000 });
    await expect.poll(() => east.steps(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    east.child.kill('SIGSTOP');
    const pausedAt = new Date();
    await sleep(leaseMsForTest + 500);

    const west = startScheduler('west', { steps: 15 });
    await expect.poll(() => west.steps(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    east.child.kill('SIGCONT');

    expect(await east.outcome()).toEqual({
      outcome: 'failed',
      error: expect.stringContaining('Job fenced-steps stopped'),
    });
    expect(await west.outcome()).toEqual({ outcome: 'succeeded', error: null });
    // A step sent before the pause may land; none is written after it.
    const eastSteps = await stepsOf('east');
    expect(eastSteps.length).toBeGreaterThanOrEqual(3);
    expect(eastSteps.filter((step) => step.at >= pausedAt)).toEqual([]);
    expect(await stepsOf('west')).toHaveLength(15);

    const history = (await runs('fenced-steps')).filter((run) => ['east', 'west'].includes(run.instance));
    const eastToken = history[0]!.leaseToken!;
    expect(history.map((run) => [run.instance, run.outcome, run.leaseToken])).toEqual([
      ['east', 'failed', eastToken],
      ['west', 'succeeded', eastToken + 1],
    ]);
    expect(history[0]?.error).toBe('Its scheduler instance (east) lost the lease; west took the job over.');
    expect(await jobLeaseCollection(test.stores.system.em).findOne({ _id: 'fenced-steps' as never })).toMatchObject({
      holder: 'west',
      token: eastToken + 1,
    });
  });

  it('a scheduler that cannot renew its lease stops writing within the lease and writes nothing after', async () => {
    const ferret = await startFerretDb({
      dataDir: await mkdtemp(join(tmpdir(), 'ferretdb-leases-')),
      port: await freePort(),
    });
    const east = startScheduler('east-2', { steps: 10_000, leaseMongoUrl: ferret.url });
    await expect.poll(() => east.steps(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await ferret.stop();
    const cutAt = new Date();

    expect(await east.outcome()).toEqual({
      outcome: 'failed',
      error: 'Job fenced-steps stopped: its lease was not renewed for 1.5 s',
    });
    const steps = await stepsOf('east-2');
    expect(steps.filter((step) => step.at.getTime() > cutAt.getTime() + leaseMsForTest)).toEqual([]);
    expect(steps.length).toBe(east.steps());
  });
});
