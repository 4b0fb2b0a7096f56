/**
 * One scheduler of the finance benchmark, as its own process with its own connections: on "go" (stdin) it runs the
 * invoicing job once, as a scheduler whose lease another has taken over would, and prints its counts and seconds
 * as JSON. Run by finance.ts with the databases in the environment.
 */
import { loadConfig } from '@astro/config';
import { openStores } from '@astro/db';
import { issueSettledInvoices } from '@astro/jobs';

export type SchedulerRun = Awaited<ReturnType<typeof issueSettledInvoices>> & { seconds: number };

const stores = await openStores(loadConfig());
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const started = performance.now();
const counts = await issueSettledInvoices(stores, new Date());
const run: SchedulerRun = { ...counts, seconds: (performance.now() - started) / 1000 };
process.stdout.write(`${JSON.stringify(run)}\n`);
await stores.close();
