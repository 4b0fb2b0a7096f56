/**
 * Starts the host: `node apps/host/src/main.ts` serves the apps and APIs and runs the Job Scheduler;
 * `--jobs-only` runs just the Job Scheduler as its own process; `JOBS=off` leaves jobs to such a process.
 */
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@astro/config';
import { openStores, pendingMigrations, type Stores } from '@astro/db';
import { systemLogSink } from '@astro/db/system';
import {
  abortCascadeJob,
  authCleanupJob,
  bookingRecoveryJob,
  bookingRelayJob,
  emailSenderJob,
  createScheduler,
  holdExpiryJob,
  launchRemindersJob,
  outboxRelayJob,
  retentionJob,
  syncApplyJob,
  tripsFlownJob,
  waitingListOffersJob,
} from '@astro/jobs';
import { createLogger } from '@astro/logging';
import { createSmtpTransport } from '@astro/mail';
import { sandboxGateway } from '@astro/payments';
import { composeHost } from './compose.ts';

const jobsOnly = process.argv.includes('--jobs-only');
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
scheduler.register(retentionJob(stores, config.retention));
scheduler.register(authCleanupJob(stores.system));
scheduler.register(outboxRelayJob(stores.operational, stores.system));
scheduler.register(holdExpiryJob(stores.customer, stores.system));
scheduler.register(bookingRecoveryJob(stores.customer, payments));
scheduler.register(bookingRelayJob(stores.customer, stores.system));
scheduler.register(syncApplyJob({ ...stores, payments }, instance));
scheduler.register(abortCascadeJob(stores.customer, payments));
scheduler.register(waitingListOffersJob(stores.customer, stores.system));
scheduler.register(tripsFlownJob(stores.customer));
scheduler.register(launchRemindersJob(stores.customer, stores.system));
scheduler.register(
  emailSenderJob({
    system: stores.system,
    transport: createSmtpTransport(config.smtpUrl, { pooled: true }),
    publicUrl: config.publicUrl,
    from: config.mailFrom,
    instance,
  }),
);

let server: Server | null = null;
if (!jobsOnly) {
  const app = await composeHost({
    config,
    stores,
    log,
    payments,
    appsRoot: config.appsDist ?? fileURLToPath(new URL('../../', import.meta.url)),
    internalUrl: () => `http://127.0.0.1:${config.port}`,
  });
  server = app.listen(config.port, () => log.info(`Serving on ${config.publicUrl}`, { port: config.port }));
}
if (jobsOnly || config.jobs === 'inline') scheduler.start();

async function shutdown(signal: string) {
  log.info('Shutting down', { signal });
  server?.close();
  await scheduler.stop();
  await log.flush();
  await stores.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
