/**
 * One scheduler of the sync benchmark, as its own process with its own connections: it applies sync messages
 * as the sync-apply job does, back to back, from "go" until "stop" on stdin, then prints what it did as JSON.
 * Run by sync.ts with the databases in the environment and the instance name as its argument.
 */
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@astro/config';
import { openStores } from '@astro/db';
import { applySyncMessages } from '@astro/jobs';
import { sandboxGateway } from '@astro/payments';

export type SchedulerTotals = Awaited<ReturnType<typeof applySyncMessages>>;

/**
 * The job runs every second and a run with a backlog outlasts that, so under load it runs back to back; an
 * idle scheduler looks again this soon, so the benchmark's tail is not the job's cadence.
 */
const idleMs = 100;

const instance = process.argv[2];
if (!instance) throw new Error('Usage: sync-scheduler.ts <instance name>');
const stores = await openStores(loadConfig());
// As the host gives the job: the sandbox refunds employees' cancellations (the burst has none).
const targets = { ...stores, payments: sandboxGateway(stores.system) };
const totals: SchedulerTotals = { applied: 0, stale: 0, retried: 0, dead: 0, waiting: 0 };
let stopping = false;
const started = Promise.withResolvers<void>();
const commands = createInterface({ input: process.stdin });
commands.on('line', (command) => {
  if (command === 'go') started.resolve();
  if (command === 'stop') stopping = true;
});
// A benchmark that goes away (Ctrl-C) closes our stdin: stop rather than apply on alone.
commands.on('close', () => {
  stopping = true;
  started.resolve();
});

process.stdout.write('ready\n');
await started.promise;
// The benchmark waits for every scheduler to be idle before it looks for what is left.
let idle = false;
while (!stopping) {
  const counts = await applySyncMessages(targets, instance, () => new Date());
  for (const key of Object.keys(totals) as (keyof SchedulerTotals)[]) totals[key] += counts[key];
  const found = counts.applied + counts.stale + counts.retried + counts.dead + counts.waiting > 0;
  if (found === idle) {
    idle = !found;
    process.stdout.write(idle ? 'idle\n' : 'busy\n');
  }
  if (idle) await sleep(idleMs);
}
process.stdout.write(`${JSON.stringify(totals)}\n`);
commands.close();
await stores.close();
