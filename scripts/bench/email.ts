/**
 * The e-mail benchmark: queues e-mails in the outbox (each event twice, as a retried event would) and lets
 * the sender job deliver them to MailDev's SMTP server, first with one sender, then with two at once. Prints
 * delivery throughput, queue-to-delivery latency and the duplicate count, which must be 0, beside the bare rates of
 * the same run: the same transport sending the same e-mails straight from memory (what MailDev takes), and the
 * store's bare conditional updates (`bare-store.ts`).
 * `scripts/bench/email [--emails N]`; runs on fresh embedded databases in .data/bench-email.
 */
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '@astro/config';
import { openStores, prepareStores } from '@astro/db';
import { Email, queueEmail } from '@astro/db/system';
import { sendPendingEmails } from '@astro/jobs';
import { createSmtpTransport, renderTemplate } from '@astro/mail';
import { startEmbeddedServices } from '../services/index.ts';
import { freePort } from '../test-support/free-port.ts';
import { bareConditionalUpdates, shareOf } from './bare-store.ts';
import { ms, printTable, rate } from './figures.ts';

/** The goal of issue 15: e-mails delivered a second with one sender. */
const goalPerSecond = 200;

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
      // Runs back to back until the outbox is empty; a run that found everything claimed by the other sender looks
      // again shortly, as the job's next run would.
      for (;;) {
        const counts = await sendPendingEmails(deps, () => new Date());
        if (counts.sent + counts.retried + counts.failed > 0) continue;
        if ((await system().count(Email, { status: 'pending' })) === 0) break;
        await sleep(50);
      }
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

/** The same transport sending the same e-mails straight from memory, side by side as the sender does: what MailDev takes. */
async function bareSmtp(): Promise<{ name: string; sent: number; seconds: number }> {
  await mailbox('/all', { method: 'DELETE' });
  const transport = createSmtpTransport(config.smtpUrl, { pooled: true });
  const rendered = renderTemplate(
    'hold-expired',
    { name: 'Traveler', missionName: 'Benchmark One', seats: 1, path: '/launches/benchmark-one' },
    config.publicUrl,
  );
  const started = performance.now();
  await Promise.all(
    Array.from({ length: emails }, (_, n) =>
      transport.sendMail({ from: config.mailFrom, to: `bare${n}@bench.example`, ...rendered }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { name: 'bare SMTP', sent: emails, seconds };
}

const runs = [await run(1), await run(2)];
const bare = await bareSmtp();
const bareStore = await bareConditionalUpdates(services.urls.mongo);
console.log(`\nE-mail benchmark: ${emails} events, each queued twice, delivered to MailDev over pooled connections.\n`);
printTable(runs, [
  ['e-mails in the outbox', (r) => r.queued],
  ['delivered', (r) => r.delivered],
  ['duplicates', (r) => r.duplicates],
  ['failed', (r) => r.failed],
  ['seconds', (r) => r.seconds.toFixed(1)],
  ['delivered/s', (r) => rate(r.delivered, r.seconds)],
  ['queued→sent p50 / p99 ms', (r) => ms(r.latencyMs)],
  ['share of bare SMTP', (r) => `${((100 * r.delivered) / r.seconds / (bare.sent / bare.seconds)).toFixed(1)} %`],
  ['share of bare store writes', (r) => shareOf(r.delivered / r.seconds, bareStore)],
]);
const [one, two] = runs as [Run, Run];
const perSecond = (r: Run) => r.delivered / r.seconds;
console.log(
  `\nBare rates of the same run: the transport alone sent ${emails} from memory at ${rate(bare.sent, bare.seconds)}/s; ` +
    `the store's bare conditional updates ran at ${bareStore.perSecond}/s.`,
);
console.log('Goals:');
console.log(
  `  ≥ ${goalPerSecond} delivered/s with one sender: ${rate(one.delivered, one.seconds)}/s — ` +
    (perSecond(one) >= goalPerSecond ? 'met' : 'NOT met'),
);
console.log(
  `  two senders at least as fast as one: ${rate(two.delivered, two.seconds)}/s — ` +
    (perSecond(two) >= perSecond(one) ? 'met' : 'NOT met'),
);
console.log(
  `  0 duplicates: ${one.duplicates + two.duplicates} — ${one.duplicates + two.duplicates === 0 ? 'met' : 'NOT met'}`,
);
await stores.close();
await services.stop();
process.exit(runs.some((r) => r.duplicates > 0 || r.delivered !== emails) ? 1 : 0);
