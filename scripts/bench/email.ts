/**
 * The e-mail benchmark: queues e-mails in the outbox (each event twice, as a retried event would) and lets
 * the sender job deliver them to MailDev's SMTP server, first with one sender, then with two at once. Prints
 * delivery throughput, queue-to-delivery latency and the duplicate count, which must be 0.
 * `scripts/bench/email [--emails N]`; runs on fresh embedded databases in .data/bench-email.
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '@astro/config';
import { openStores, prepareStores } from '@astro/db';
import { Email, queueEmail } from '@astro/db/system';
import { sendPendingEmails } from '@astro/jobs';
import { createSmtpTransport } from '@astro/mail';
import { startEmbeddedServices } from '../services/index.ts';
import { freePort } from '../test-support/free-port.ts';
import { ms, printTable, rate } from './figures.ts';

const { values: options } = parseArgs({ options: { emails: { type: 'string', default: '2000' } } });
const emails = Number(options.emails);
const root = `${process.cwd()}/.data/bench-email`;
await rm(root, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = { ...process.env };
for (const name of ['DATABASE_URL', 'MONGO_URL', 'SMTP_URL']) delete env[name];
const services = await startEmbeddedServices({
  root,
  ports: { postgres: await freePort(), mongo: await freePort(), smtp: await freePort(), mailView: await freePort() },
  env,
});
const config = loadConfig({
  ...env,
  DATABASE_URL: services.urls.database,
  MONGO_URL: services.urls.mongo,
  SMTP_URL: services.urls.smtp,
  LOG_LEVEL: 'error',
});
const stores = await openStores(config);
await prepareStores(stores);
const system = () => stores.system.em.fork();
/** What MailDev received, through its REST API. */
const mailbox = (path: string, init?: RequestInit) => fetch(`${services.urls.mailView}/api/email${path}`, init);

interface Run {
  name: string;
  queued: number;
  delivered: number;
  duplicates: number;
  failed: number;
  seconds: number;
  latencyMs: number[];
}

async function run(senders: number): Promise<Run> {
  await system().nativeDelete(Email, {});
  await mailbox('/all', { method: 'DELETE' });
  const now = new Date();
  for (let n = 0; n < emails; n++)
    for (let again = 0; again < 2; again++)
      await queueEmail(
        system(),
        {
          dedupeKey: `hold-expired:bench-${n}`,
          event: 'hold-expired',
          recipient: `traveler${n}@bench.example`,
          template: 'hold-expired',
          data: {
            name: `Traveler ${n}`,
            missionName: 'Benchmark One',
            seats: 1 + (n % 4),
            path: '/launches/benchmark-one',
          },
        },
        now,
      );
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async (_, i) => {
      const deps = {
        system: stores.system,
        transport: createSmtpTransport(config.smtpUrl, { pooled: true }),
        publicUrl: config.publicUrl,
        from: config.mailFrom,
        instance: `bench-sender-${i}`,
      };
      while ((await sendPendingEmails(deps, () => new Date(), 100)).sent > 0);
      deps.transport.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sent = await system().find(Email, { status: 'sent' });
  // What the SMTP server received, by recipient: a second e-mail to anyone is a duplicate.
  const received = new Map<string, number>();
  for (const message of (await (await mailbox('')).json()) as { to: { address: string }[] }[]) {
    const to = message.to.map((recipient) => recipient.address).join(', ');
    received.set(to, (received.get(to) ?? 0) + 1);
  }
  return {
    name: `${senders} sender${senders > 1 ? 's' : ''}`,
    queued: await system().count(Email, {}),
    delivered: [...received.values()].reduce((sum, n) => sum + n, 0),
    duplicates: [...received.values()].reduce((sum, n) => sum + n - 1, 0),
    failed: await system().count(Email, { status: 'failed' }),
    seconds,
    latencyMs: sent.map((email) => email.sentAt!.getTime() - email.createdAt.getTime()),
  };
}

const runs = [await run(1), await run(2)];
console.log(`\nE-mail benchmark: ${emails} events, each queued twice, delivered to MailDev over pooled connections.\n`);
printTable(runs, [
  ['e-mails in the outbox', (r) => r.queued],
  ['delivered', (r) => r.delivered],
  ['duplicates', (r) => r.duplicates],
  ['failed', (r) => r.failed],
  ['seconds', (r) => r.seconds.toFixed(1)],
  ['delivered/s', (r) => rate(r.delivered, r.seconds)],
  ['queued→sent p50 / p99 ms', (r) => ms(r.latencyMs)],
]);
await stores.close();
await services.stop();
process.exit(runs.some((r) => r.duplicates > 0 || r.delivered !== emails) ? 1 : 0);
