/**
 * A scheduler instance that runs one job, `fenced-steps`, which writes numbered steps to the work database,
 * checking its fence before each, and prints each step and then the run's outcome. Run by scheduler.test.ts as a
 * child process, which pauses it, takes its lease over, or stops the database that holds its lease.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openSystemDb } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { createScheduler } from './scheduler.ts';

const env = (name: string) => process.env[name] ?? '';
const instance = env('INSTANCE');
const [leaseDb, workDb] = await Promise.all([
  openSystemDb(env('LEASE_MONGO_URL'), env('SYSTEM_DB_NAME')),
  openSystemDb(env('WORK_MONGO_URL'), env('SYSTEM_DB_NAME')),
]);
const steps = workDb.em.getCollection<{ instance: string; step: number; at: Date }>('fenced_steps');
const scheduler = createScheduler({
  system: leaseDb,
  log: createLogger({ service: instance, level: 'warn', write: (line) => process.stderr.write(`${line}\n`) }),
  instance,
  leaseMs: Number(env('LEASE_MS')),
});
scheduler.register({
  name: 'fenced-steps',
  description: 'Writes numbered steps, one at a time',
  schedule: '0 0 0 1 1 *',
  async run({ fence }) {
    const total = Number(env('STEPS'));
    for (let step = 1; step <= total; step++) {
      await fence.assert();
      await steps.insertOne({ instance, step, at: new Date() });
      process.stdout.write(`step ${step}\n`);
      await sleep(100);
    }
    return { steps: total };
  },
});
const run = await scheduler.runNow('fenced-steps');
process.stdout.write(`${JSON.stringify({ outcome: run.outcome, error: run.error })}\n`);
process.exit(0);
