/**
 * Every service writes its lines through the one logger into the System DB, and a failure shows the request id that
 * finds them: the APIs, the authorization server, and the Job Scheduler when it runs as its own process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRun, LogEntry, systemLogSink } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { schedulerEnv } from '../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';

describe('request ids from a failure to its log lines', () => {
  const log = createLogger({ service: 'host', level: 'info', write: () => {} });
  let test: TestStores;
  let host: Awaited<ReturnType<typeof serve>>;
  const linesOf = async (requestId: string) => {
    await log.flush();
    return test.stores.system.em.fork().find(LogEntry, { requestId }, { orderBy: { at: 'asc' } });
  };

  beforeAll(async () => {
    test = await openTestStores();
    log.attachSink(systemLogSink(test.stores.system));
    host = await serve(test, log);
  });
  afterAll(async () => {
    host.server.close();
    await test.drop();
  });

  it("answers a failed procedure with its reference, which finds the host's and the API's lines of it", async () => {
    // The Customer DB fails under the customer API (readiness.test.ts stops a real server); the System DB stays.
    const driver = test.stores.customer.em.getDriver();
    const find = driver.find;
    driver.find = () => Promise.reject(new Error('connection 3 to 127.0.0.1:27027 closed'));
    try {
      const response = await fetch(`${host.url}/api/customer/catalogue.list`);
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id')!;
      const { error } = (await response.json()) as { error: { message: string; data: { requestId: string } } };
      expect(error.message).toBe(
        `Something went wrong on our side. Please try again in a moment. (Reference: ${requestId})`,
      );
      expect(error.data.requestId).toBe(requestId);

      const lines = await linesOf(requestId);
      expect(lines.map(({ service, level, message }) => ({ service, level, message }))).toEqual(
        expect.arrayContaining([
          { service: 'customer-api', level: 'error', message: 'Procedure customer.catalogue.list failed' },
          { service: 'host', level: 'error', message: 'Request failed' },
        ]),
      );
      expect(lines.every((line) => line.correlationId === requestId)).toBe(true);
    } finally {
      driver.find = find;
    }
  });

  it('shows the reference on a sign-in step the authorization server refuses, and logs the refusal as auth', async () => {
    const response = await fetch(
      `${host.url}/auth/auth?${new URLSearchParams({ client_id: 'no-such-app', response_type: 'code', scope: 'openid' })}`,
      { headers: { accept: 'text/html' } },
    );
    expect(response.status).toBe(400);
    const requestId = response.headers.get('x-request-id')!;
    expect((await response.text()).replace(/<[^>]+>/g, '')).toContain(`Reference: ${requestId}`);

    expect(await linesOf(requestId)).toEqual([
      expect.objectContaining({
        service: 'auth',
        level: 'warn',
        message: 'Authorization server refused a request',
        fields: expect.objectContaining({ endpoint: 'authorization', error: 'invalid_client' }),
      }),
    ]);
  });
});

describe('the Job Scheduler as its own process (--jobs-only)', () => {
  let world: TestStores;
  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  it('writes its lines to the System DB as jobs, each run under a correlation id that names the run', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./main.ts', import.meta.url)), '--jobs-only'], {
      env: schedulerEnv(world, { LOG_LEVEL: 'debug' }),
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const em = () => world.stores.system.em.fork();
    try {
      // sync-apply runs every second; its lines reach the System DB within the sink's flush interval.
      await expect
        .poll(() => em().count(LogEntry, { service: 'jobs', message: 'Job sync-apply succeeded' }), {
          timeout: 30_000,
          interval: 500,
        })
        .toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(await em().count(LogEntry, { service: 'jobs', message: 'Job Scheduler started' })).toBe(1);
    const [line] = await em().find(LogEntry, { service: 'jobs', message: 'Job sync-apply succeeded' }, { limit: 1 });
    const runId = line!.correlationId!.replace('job:sync-apply:', '');
    expect(await em().findOne(JobRun, { id: runId })).toMatchObject({ job: 'sync-apply', outcome: 'succeeded' });
  });
});
