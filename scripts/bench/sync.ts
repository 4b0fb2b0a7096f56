/**
 * The sync benchmark (`scripts/bench/sync`): a burst of launch edits and booking changes goes through the outbox
 * and the relays into the System DB's sync messages, then one and then two schedulers (processes of their own)
 * apply it. Each run gets fresh embedded databases with the demo world, so the columns compare. Prints one
 * small table; exits 1 on a dead letter, or on a copy left behind its source once everything was applied.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { openStores, type Stores } from '@astro/db';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { BookingCopy, Launch } from '@astro/db/operational';
import { SyncMessage } from '@astro/db/system';
import { ms, printTable, rate, type Row } from './figures.ts';
import { freshServices } from './fresh-services.ts';
import { pushBurst, relayEverything, type Burst } from './sync-burst.ts';
import type { SchedulerTotals } from './sync-scheduler.ts';

const usage = `Usage: scripts/bench/sync [--changes N] [--apply-seconds S]
  --changes N         changes per run, half launch edits and half booking changes (default 10000)
  --apply-seconds S   how long each run's schedulers may apply before they are stopped (after the batch
                      they are in) and what they managed is reported (default 120)`;

const { values: options } = parseArgs({
  options: {
    changes: { type: 'string', default: '10000' },
    'apply-seconds': { type: 'string', default: '120' },
    help: { type: 'boolean', default: false },
  },
});
const changes = Number(options.changes);
const applySeconds = Number(options['apply-seconds']);
if (options.help || !Number.isInteger(changes) || changes < 2 || !(applySeconds > 0)) {
  console.log(usage);
  process.exit(options.help ? 0 : 2);
}

const dataDir = fileURLToPath(new URL('../../.data/bench-sync', import.meta.url));
const schedulerScript = fileURLToPath(new URL('./sync-scheduler.ts', import.meta.url));
/**
 * How often the relays run, and the benchmark looks for messages left, while the schedulers apply. Their jobs
 * run every 5 s; looking costs the database a query, so not much more often than that.
 */
const relayEveryMs = 2_000;

interface RunFigures {
  name: string;
  burst: Burst;
  messages: number;
  /** What each scheduler reported, in instance order. */
  schedulers: SchedulerTotals[];
  /** From "go" to the last message applied. */
  applySeconds: number;
  lagMs: number[];
  dead: number;
  /** Still pending when the time allowed ran out. */
  left: number;
  launches: number;
  launchesBehind: number;
  bookings: number;
  copiesBehind: number;
}

/**
 * A scheduler process: ready once connected, applying from `go`, saying whenever it turns idle or busy, and
 * reporting its totals after `stop`.
 */
function startScheduler(instance: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [schedulerScript, instance], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = Promise.withResolvers<void>();
  const finished = Promise.withResolvers<SchedulerTotals>();
  let idle = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') ready.resolve();
    else if (line === 'idle' || line === 'busy') idle = line === 'idle';
    else finished.resolve(JSON.parse(line) as SchedulerTotals);
  });
  child.once('exit', () => {
    const failure = new Error(`Scheduler ${instance} stopped unexpectedly (its errors are above).`);
    ready.reject(failure);
    finished.reject(failure);
  });
  // Awaited only at the end; a scheduler that dies earlier is noticed through `gone`.
  finished.promise.catch(() => {});
  return {
    ready: ready.promise,
    idle: () => idle,
    gone: () => child.exitCode !== null || child.signalCode !== null,
    tell: (command: 'go' | 'stop') => child.stdin.write(`${command}\n`),
    totals: () => finished.promise,
  };
}

type SchedulerProcess = ReturnType<typeof startScheduler>;

/**
 * Relays, as the relay jobs do, until nothing is left or the time allowed runs out: applying a confirmed
 * booking can confirm its launch, which is a new outbox message. It looks for pending messages only once
 * every scheduler is idle, so the benchmark adds no queries to theirs while they work; none pending before a
 * relay that finds nothing means nothing is left.
 */
async function relayUntilSettled(stores: Stores, schedulers: SchedulerProcess[], deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (schedulers.some((scheduler) => scheduler.gone())) throw new Error('A scheduler stopped unexpectedly.');
    if (schedulers.every((scheduler) => scheduler.idle())) {
      const pending = await stores.system.em.fork().findOne(SyncMessage, { status: 'pending' }, { fields: ['id'] });
      if (!pending && (await relayEverything(stores)) === 0) return;
    } else await relayEverything(stores);
    await sleep(relayEveryMs);
  }
}

/** How many catalogue entries and booking copies are not on their source's latest version. */
async function versionsBehind(stores: Stores) {
  const [launches, entries, bookings, copies] = await Promise.all([
    stores.operational.em.fork().find(Launch, {}, { fields: ['version'] }),
    stores.customer.em.fork().find(CatalogueLaunch, {}, { fields: ['sourceVersion'] }),
    stores.customer.em.fork().find(Booking, {}, { fields: ['version'] }),
    stores.operational.em.fork().find(BookingCopy, {}, { fields: ['version'] }),
  ]);
  const catalogued = new Map(entries.map((entry) => [entry.id, entry.sourceVersion]));
  const copied = new Map(copies.map((copy) => [copy.id, copy.version]));
  return {
    launches: launches.length,
    launchesBehind: launches.filter((launch) => catalogued.get(launch.id) !== launch.version).length,
    bookings: bookings.length,
    copiesBehind: bookings.filter((booking) => copied.get(booking.id) !== booking.version).length,
  };
}

async function run(schedulerCount: number): Promise<RunFigures> {
  const name = schedulerCount === 1 ? '1 scheduler' : `${schedulerCount} schedulers`;
  const say = (what: string) => console.log(`${name}: ${what}`);
  say('fresh databases ...');
  const services = await freshServices(dataDir, { seed: true });
  const stores = await openStores(services.config);
  try {
    say(`pushing ${changes} changes ...`);
    const burst = await pushBurst(stores, changes);
    const schedulers = Array.from({ length: schedulerCount }, (_, n) =>
      startScheduler(`bench-scheduler-${n + 1}`, services.env),
    );
    await Promise.all(schedulers.map((scheduler) => scheduler.ready));
    say(`pushed in ${burst.seconds.toFixed(0)} s; applying (for at most ${applySeconds} s) ...`);
    const go = Date.now();
    for (const scheduler of schedulers) scheduler.tell('go');
    await relayUntilSettled(stores, schedulers, go + applySeconds * 1000);
    for (const scheduler of schedulers) scheduler.tell('stop');
    const stopped = Date.now();
    const totals = await Promise.all(schedulers.map((scheduler) => scheduler.totals()));

    const messages = await stores.system.em
      .fork()
      .find(SyncMessage, {}, { fields: ['status', 'createdAt', 'appliedAt'] });
    const applied = messages.filter((message) => message.status === 'applied');
    const end = applied.length ? Math.max(...applied.map((message) => message.appliedAt!.getTime())) : stopped;
    return {
      name,
      burst,
      messages: messages.length,
      schedulers: totals,
      applySeconds: (end - go) / 1000,
      lagMs: applied.map((message) => message.appliedAt!.getTime() - message.createdAt.getTime()),
      dead: messages.filter((message) => message.status === 'dead').length,
      left: messages.filter((message) => message.status === 'pending').length,
      ...(await versionsBehind(stores)),
    };
  } finally {
    await stores.close();
    await services.stop();
  }
}

const sum = (figures: RunFigures, key: keyof SchedulerTotals) =>
  figures.schedulers.reduce((total, scheduler) => total + scheduler[key], 0);

const rows: Row<RunFigures>[] = [
  ['changes (launch / booking)', (r) => `${r.burst.launchEdits} / ${r.burst.bookingChanges}`],
  ['over launches / bookings', (r) => `${r.burst.launches} / ${r.burst.bookings}`],
  ['pushed and relayed in s', (r) => r.burst.seconds.toFixed(1)],
  ['sync messages', (r) => r.messages],
  ['applied', (r) => r.lagMs.length],
  ['  changed / stale', (r) => `${sum(r, 'applied')} / ${sum(r, 'stale')}`],
  ['  by each scheduler', (r) => r.schedulers.map((s) => s.applied + s.stale).join(' + ')],
  ['left pending', (r) => r.left],
  ['retried', (r) => sum(r, 'retried')],
  ['dead letters', (r) => r.dead],
  ['apply wall time s', (r) => r.applySeconds.toFixed(1)],
  ['messages applied/s', (r) => rate(r.lagMs.length, r.applySeconds)],
  ['lag p50 / p99 ms', (r) => ms(r.lagMs)],
  ['catalogue entries behind', (r) => `${r.launchesBehind} of ${r.launches}`],
  ['booking copies behind', (r) => `${r.copiesBehind} of ${r.bookings}`],
];

try {
  const runs = [await run(1), await run(2)];
  console.log();
  printTable(runs, rows);
  console.log(
    '\nApplying starts once the whole burst is in sync_messages; its wall time runs from then to the last message ' +
      'applied. Lag is appliedAt − createdAt: for a launch edit createdAt is its outbox row (the edit), for a ' +
      'booking change the relay recording it, at most one round after the change.',
  );
  for (const unfinished of runs.filter((r) => r.left > 0))
    console.log(
      `${unfinished.name}: ${unfinished.left} messages were still pending after ${applySeconds} s, so copies behind ` +
        'their source are expected there.',
    );
  const broken = (r: RunFigures) => r.dead > 0 || (r.left === 0 && r.launchesBehind + r.copiesBehind > 0);
  if (runs.some(broken)) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
