/**
 * Fresh embedded databases for one benchmark run, migrated (and seeded with the demo world when asked), on free
 * ports, in the benchmark's own process. Never the configured DATABASE_URL or MONGO_URL: the run starts by deleting
 * everything in `dataDir`.
 */
import { rm } from 'node:fs/promises';
import { loadConfig } from '@astro/config';
import { prepareDatabases } from '../prepare-databases.ts';
import { startEmbeddedServices } from '../services/index.ts';
import { freePort } from '../test-support/free-port.ts';

/** What to stop if the benchmark is interrupted: embedded databases must not outlive it. */
const running = new Set<() => Promise<void>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void Promise.allSettled([...running].map((stop) => stop())).then(() => process.exit(130));
  });

export async function freshServices(dataDir: string, options: { seed: boolean }) {
  await rm(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'MONGO_URL', 'CUSTOMER_MONGO_URL', 'SYSTEM_MONGO_URL', 'SMTP_URL'])
    delete env[name];
  const ports = { postgres: await freePort(), mongo: await freePort(), smtp: await freePort() };
  const embedded = await startEmbeddedServices({ root: dataDir, ports, env });
  const stop = () => embedded.stop();
  running.add(stop);
  const ready = {
    ...env,
    DATABASE_URL: embedded.urls.database,
    MONGO_URL: embedded.urls.mongo,
    SMTP_URL: embedded.urls.smtp,
  };
  const config = loadConfig(ready);
  await prepareDatabases(config, options);
  return {
    env: ready,
    config,
    async stop() {
      running.delete(stop);
      await stop();
    },
  };
}
