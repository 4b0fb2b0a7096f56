/**
 * Runs the whole system: the embedded services (each unless DATABASE_URL, MONGO_URL or SMTP_URL points
 * elsewhere), migrated and seeded, then the host as a child process, restarted when it dies
 * (host-supervisor.ts). Stopping stops everything it started.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@astro/config';
import { superviseHost } from './host-supervisor.ts';
import { prepareDatabases } from './prepare-databases.ts';
import { startEmbeddedServices } from './services/index.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

export interface SystemOptions {
  /** Where the embedded databases keep their data, relative to the repository. */
  dataDir: string;
  /** Start from empty databases (tests); otherwise data survives restarts. */
  fresh: boolean;
  ports: { postgres: number; mongo: number; smtp: number; mailView?: number };
  env: NodeJS.ProcessEnv;
}

/** Starts everything; resolves, once the host is starting, with the environment the host runs with. */
export async function runSystem(options: SystemOptions): Promise<NodeJS.ProcessEnv> {
  const dataDir = `${repo}${options.dataDir}`;
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedServices({ root: dataDir, ports: options.ports, env: options.env });
  const env = {
    ...options.env,
    DATABASE_URL: embedded.urls.database,
    MONGO_URL: embedded.urls.mongo,
    SMTP_URL: embedded.urls.smtp,
    ...(embedded.urls.mailView ? { MAIL_VIEW_URL: embedded.urls.mailView } : {}),
  };
  const config = loadConfig(env);
  for (const line of await prepareDatabases(config, { seed: true })) console.log(line);

  const host = superviseHost(
    () => spawn(process.execPath, [`${repo}apps/host/src/main.ts`], { env, stdio: 'inherit' }),
    (code) => void stop(code),
  );
  console.log(`
Astro Bookings is starting on ${config.publicUrl}
  Customer site            ${config.publicUrl}/
  Supplier portal          ${config.publicUrl}/supplier/
  Employee portal          ${config.publicUrl}/admin/
  IT operations dashboard  ${config.publicUrl}/ops/
  Health                   ${config.publicUrl}/healthz   ${config.publicUrl}/readyz${
    embedded.urls.mailView ? `\n  E-mails sent (MailDev)   ${embedded.urls.mailView}` : ''
  }
Press Ctrl-C to stop.
`);

  let stopping = false;
  async function stop(code: number) {
    if (stopping) return;
    stopping = true;
    // Whatever fails to stop, the start command itself never hangs.
    setTimeout(() => {
      console.error('The system did not stop within 30 s; exiting anyway.');
      process.exit(code || 1);
    }, 30_000).unref();
    await host.stop();
    await embedded.stop();
    process.exit(code);
  }
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  return env;
}
