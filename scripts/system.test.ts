import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSystemDb } from '@astro/db/system';
import { freePort } from './test-support/free-port.ts';

/** Stand-ins for the four built apps, so the host starts without `pnpm build` (the suite runs before it). */
async function standInApps(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'apps-'));
  for (const app of ['customer-web', 'supplier-portal', 'employee-portal', 'ops-dashboard']) {
    await mkdir(join(root, app, 'dist', 'server'), { recursive: true });
    await mkdir(join(root, app, 'dist', 'browser'), { recursive: true });
    await writeFile(
      join(root, app, 'dist', 'server', 'server.mjs'),
      `export const createSsrHandler = () => (req, res) => res.type('text/plain').send('${app}');\n`,
    );
  }
  return root;
}

/** The processes `parent` started. */
const childrenOf = (parent: number) =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the system ./scripts/start runs', () => {
  const services = inject('services');
  const id = `sys${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: services.database });
  let apps: string;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${id}`);
    apps = await standInApps();
  });
  afterAll(async () => {
    for (const name of [`${id}_customer`, `${id}_system`]) {
      const mongo = await openSystemDb(services.mongo, name);
      await mongo.em.getConnection().getDb().dropDatabase();
      await mongo.close();
    }
    await admin.query(`drop database if exists ${id} with (force)`);
    await admin.end();
    await rm(apps, { recursive: true, force: true });
  });

  it(
    'starts the host again on its port when it is killed with SIGKILL, and says so',
    { timeout: 180_000 },
    async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const database = new URL(services.database);
      database.pathname = `/${id}`;
      const system = spawn(
        process.execPath,
        [fileURLToPath(new URL('./test-support/system-process.ts', import.meta.url))],
        {
          env: {
            ...process.env,
            DATABASE_URL: database.toString(),
            MONGO_URL: services.mongo,
            SMTP_URL: services.smtp,
            CUSTOMER_DB_NAME: `${id}_customer`,
            SYSTEM_DB_NAME: `${id}_system`,
            PORT: String(port),
            APPS_DIST: apps,
            JOBS: 'off',
            LOG_LEVEL: 'warn',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let console = '';
      system.stdout.on('data', (chunk: Buffer) => (console += chunk.toString()));
      system.stderr.on('data', (chunk: Buffer) => (console += chunk.toString()));
      const exited = new Promise<void>((resolve) => system.once('exit', () => resolve()));
      const healthy = () =>
        fetch(`${url}/healthz`).then(
          (response) => response.status,
          () => 0,
        );
      try {
        await expect.poll(healthy, { timeout: 120_000, interval: 250 }).toBe(200);
        const [host] = childrenOf(system.pid!);
        expect(host).toBeGreaterThan(0);

        process.kill(host!, 'SIGKILL');
        await expect
          .poll(() => console, { timeout: 5_000 })
          .toContain('The host was killed by SIGKILL; restarting it in 1 s.');
        await expect.poll(healthy, { timeout: 60_000, interval: 250 }).toBe(200);
        const [restarted] = childrenOf(system.pid!);
        expect(restarted).not.toBe(host);
        expect(await (await fetch(`${url}/`)).text()).toBe('customer-web');

        // Stopping the system stops the host it restarted, and the port is free again.
        system.kill('SIGTERM');
        await exited;
        await expect.poll(() => alive(restarted!), { timeout: 15_000 }).toBe(false);
        expect(await healthy()).toBe(0);
      } finally {
        if (system.exitCode === null) system.kill('SIGKILL');
      }
    },
  );
});
