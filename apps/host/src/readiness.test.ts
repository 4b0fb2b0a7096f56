import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@astro/logging';
import { startFerretDb } from '../../../scripts/services/index.ts';
import { freePort } from '../../../scripts/test-support/free-port.ts';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';

interface Readiness {
  ready: boolean;
  message: string;
  checks: { component: string; up: boolean }[];
}

describe('/readyz while the MongoDB server goes away and comes back', () => {
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });
  let ferret: Awaited<ReturnType<typeof startFerretDb>>;
  let ferretOptions: { dataDir: string; port: number };
  let test: TestStores;
  let host: Awaited<ReturnType<typeof serve>>;
  const readiness = async () => {
    const response = await fetch(`${host.url}/readyz`);
    return { status: response.status, body: (await response.json()) as Readiness };
  };

  beforeAll(async () => {
    ferretOptions = { dataDir: await mkdtemp(join(tmpdir(), 'ferretdb-')), port: await freePort() };
    ferret = await startFerretDb(ferretOptions);
    test = await openTestStores({ mongoUrl: ferret.url });
    host = await serve(test, log);
  });
  afterAll(async () => {
    host.server.close();
    await test.drop();
    await ferret.stop();
  });

  it('fails naming the Customer DB and the System DB, then recovers without restarting the host', async () => {
    expect((await readiness()).status).toBe(200);

    await ferret.stop();
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body.ready).toBe(false);
    expect(down.body.message).toContain('Customer DB is unreachable');
    expect(down.body.message).toContain('System DB is unreachable');
    expect(down.body.message).not.toContain('Operational DB');
    expect(down.body.checks.find((check) => check.component === 'Operational DB')?.up).toBe(true);
    // Anyone may call /readyz: it says which component is down, never where the databases are.
    expect(down.body.checks).toEqual([
      { component: 'Operational DB', up: true },
      { component: 'Customer DB', up: false },
      { component: 'System DB', up: false },
    ]);
    const answer = JSON.stringify(down.body);
    for (const where of ['127.0.0.1', String(ferretOptions.port), new URL(test.config.databaseUrl).port, 'MongoDB'])
      expect(answer).not.toContain(where);

    // A procedure that needs the database fails, and says nothing of why or where.
    const failed = await fetch(`${host.url}/api/customer/catalogue.list`);
    expect(failed.status).toBe(500);
    const failure = (await failed.json()) as { error: { message: string; data: Record<string, unknown> } };
    const requestId = failed.headers.get('x-request-id');
    expect(failure.error.message).toBe(
      `Something went wrong on our side. Please try again in a moment. (Reference: ${requestId})`,
    );
    expect(failure.error.data).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      httpStatus: 500,
      path: 'catalogue.list',
      fieldErrors: null,
      requestId,
    });

    ferret = await startFerretDb(ferretOptions);
    await expect.poll(async () => (await readiness()).status, { timeout: 20_000, interval: 250 }).toBe(200);
    expect((await readiness()).body.message).toBe('Every database is reachable.');
  });
});
