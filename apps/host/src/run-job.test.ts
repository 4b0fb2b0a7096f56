import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invoice, InvoiceReminder } from '@astro/db/operational';
import { JobRun } from '@astro/db/system';
import { createScheduler, invoiceDunningJob, issueSettledInvoices } from '@astro/jobs';
import { createLogger } from '@astro/logging';
import { writeLaunchedLaunches } from '../../../packages/finance/src/invoicing/launched-launches.test-support.ts';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { schedulerEnv } from '../../../packages/jobs/src/sync/apply/targets.test-support.ts';

/** `node apps/host/src/main.ts …args` on the test's databases, as an operator would run it; resolves when it exits. */
function host(world: TestStores, args: string[]) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./main.ts', import.meta.url)), ...args], {
    env: schedulerEnv(world, { LOG_LEVEL: 'error' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('running one job once, as of another moment', () => {
  let world: TestStores;
  beforeAll(async () => {
    world = await openTestStores();
    await writeLaunchedLaunches(world.stores.operational.em.fork(), {
      tag: 'Clock',
      launches: 2,
      agencies: 2,
      firstLaunch: new Date('2030-01-05T10:00:00Z'),
    });
    // Due on 9 February 2030.
    await issueSettledInvoices(world.stores, new Date('2030-01-10T12:00:00Z'));
  });
  afterAll(() => world.drop());

  it('makes invoices overdue when the clock is moved past their due date, and says what it did', async () => {
    const startedAt = new Date();
    const { code, stdout } = await host(world, ['--run-job', 'invoice-dunning', '--as-of', '2030-02-10T06:00:00Z']);
    expect(code).toBe(0);
    const report = stdout
      .split('\n')
      .filter((line) => line.includes('"job":"invoice-dunning"'))
      .map((line) => JSON.parse(line) as unknown);
    expect(report).toEqual([
      {
        job: 'invoice-dunning',
        asOf: '2030-02-10T06:00:00.000Z',
        outcome: 'succeeded',
        counts: { markedOverdue: 2, reminded: 2 },
        error: null,
      },
    ]);
    const em = world.stores.operational.em.fork();
    expect((await em.find(Invoice, {})).map((invoice) => invoice.status)).toEqual(['overdue', 'overdue']);
    const reminders = await em.find(InvoiceReminder, {});
    expect(reminders.map((reminder) => reminder.queuedAt.toISOString().slice(0, 10))).toEqual([
      '2030-02-10',
      '2030-02-10',
    ]);

    // Only the job's clock moved: its run and lease kept real time, so a running scheduler takes the job at once.
    const [run] = await world.stores.system.em.fork().find(JobRun, { job: 'invoice-dunning' });
    expect(run!.startedAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1_000);
    expect(run!.startedAt.getTime()).toBeLessThanOrEqual(Date.now());
    const scheduler = createScheduler({
      system: world.stores.system,
      log: createLogger({ service: 'test', level: 'error', write: () => {} }),
      instance: 'running-host',
    });
    scheduler.register(invoiceDunningJob(world.stores));
    expect(await scheduler.runNow('invoice-dunning')).toMatchObject({ outcome: 'succeeded' });
  }, 60_000);

  it('refuses a moment that is not one, and a job that does not exist, saying so', async () => {
    const badMoment = await host(world, ['--run-job', 'invoice-dunning', '--as-of', 'next tuesday']);
    expect(badMoment.code).toBe(2);
    expect(badMoment.stderr).toContain('--as-of is a moment in ISO 8601');
    const noSuchJob = await host(world, ['--run-job', 'invoice-dunnage']);
    expect(noSuchJob.code).toBe(1);
    expect(noSuchJob.stderr).toContain('There is no job named invoice-dunnage');
  }, 60_000);
});
