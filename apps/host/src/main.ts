/**
 * Starts the host: `node apps/host/src/main.ts` serves the apps and APIs and runs the Job Scheduler;
 * `--jobs-only` runs just the Job Scheduler as its own process; `JOBS=off` leaves jobs to such a process;
 * `--run-job <name> [--as-of <ISO 8601>]` runs one job once (as of that moment), prints what it did and exits.
 */
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@astro/config';
import { openStores, pendingMigrations, type Stores } from '@astro/db';
import { startHeartbeat, systemLogSink } from '@astro/db/system';
import { createScheduler } from '@astro/jobs';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import { composeHost } from './compose.ts';
import { registerJobs } from './jobs.ts';
import { runJobRequest, runReport, shiftedClock } from './run-job.ts';

const { values: args } = parseArgs({
  options: { 'jobs-only': { type: 'boolean' }, 'run-job': { type: 'string' }, 'as-of': { type: 'string' } },
});
let oneRun;
try {
  oneRun = runJobRequest(args);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const jobsOnly = args['jobs-only'] === true || oneRun !== null;
const config = loadConfig();
const instance = `${hostname()}:${process.pid}`;
const log = createLogger({ service: jobsOnly ? 'jobs' : 'host', level: config.logLevel, instance });

let stores: Stores;
try {
  stores = await openStores(config);
} catch (error) {
  log.error('Could not open the databases', { error });
  process.exit(1);
}
log.attachSink(systemLogSink(stores.system));

const pending = await pendingMigrations(stores);
if (pending.length > 0) {
  log.error('The Operational DB schema is behind this code; run `pnpm db:prepare` (the start command does) first', {
    pending,
  });
  await log.flush();
  process.exit(1);
}

const payments = sandboxGateway(stores.system);
const scheduler = createScheduler({ system: stores.system, log, instance });
registerJobs(shiftedClock(scheduler, oneRun?.asOf ?? null), { config, stores, payments, instance });

if (oneRun) {
  const run = await scheduler.runNow(oneRun.job).catch((error: Error) => error);
  if (run instanceof Error) process.stderr.write(`${run.message}\n`);
  else process.stdout.write(`${runReport(run, oneRun.asOf)}\n`);
  await log.flush();
  await stores.close();
  process.exit(run instanceof Error || run.outcome !== 'succeeded' ? 1 : 0);
}

let server: Server | null = null;
if (!jobsOnly) {
  const app = await composeHost({
    config,
    stores,
    log,
    payments,
    appsRoot: config.appsDist ?? fileURLToPath(new URL('../../', import.meta.url)),
    internalUrl: () => `http://127.0.0.1:${config.port}`,
    registeredJobs: () => scheduler.jobs(),
  });
  server = app.listen(config.port, () => log.info(`Serving on ${config.publicUrl}`, { port: config.port }));
}
if (jobsOnly || config.jobs === 'inline') scheduler.start();
// Every running process says so every few seconds, for the ops dashboard's instances page.
const heartbeat = startHeartbeat({
  system: stores.system,
  instance,
  kind: jobsOnly ? 'jobs' : 'host',
  version: config.version,
  startedAt: new Date(),
  onError: (error) => log.warn('Could not write the heartbeat; trying again at the next one', { error }),
});

async function shutdown(signal: string) {
  log.info('Shutting down', { signal });
  server?.close();
  heartbeat.stop();
  await scheduler.stop();
  await log.flush();
  await stores.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
