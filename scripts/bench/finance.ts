/**
 * The finance benchmark (`scripts/bench/finance`): on fresh embedded databases, one agency's launched launches with
 * twenty bookings each and a hundred ledger rows per launch; two schedulers (processes of their own) run the
 * invoicing job at once and issue every invoice. Prints invoices per second, gaps and duplicates beside their
 * limits, then times the agency's statement and the monthly report over what was issued. Exits 1 when a limit is
 * passed.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStores, type Stores } from '@astro/db';
import { Invoice } from '@astro/db/operational';
import { agencyStatement, financeReport } from '@astro/finance';
import { writeLaunchedLaunches } from '../../packages/finance/src/invoicing/launched-launches.test-support.ts';
import { printTable, rate, type Row } from './figures.ts';
import type { SchedulerRun } from './finance-scheduler.ts';
import { freshServices } from './fresh-services.ts';

const usage = `Usage: scripts/bench/finance [--launches N]
  --launches N   launched launches to invoice, all of one agency, 100 ledger rows each (default 1000)`;

const { values: options } = parseArgs({
  options: { launches: { type: 'string', default: '1000' }, help: { type: 'boolean', default: false } },
});
const launches = Number(options.launches);
if (options.help || !Number.isInteger(launches) || launches < 1) {
  console.log(usage);
  process.exit(options.help ? 0 : 2);
}

const dataDir = fileURLToPath(new URL('../../.data/bench-finance', import.meta.url));
const schedulerScript = fileURLToPath(new URL('./finance-scheduler.ts', import.meta.url));
const day = 86_400_000;
/** What a person waiting on a page would accept (the statement and report tests hold the same bound). */
const pageLimitMs = 1_000;

function startScheduler(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [schedulerScript], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = Promise.withResolvers<void>();
  const finished = Promise.withResolvers<SchedulerRun>();
  createInterface({ input: child.stdout }).on('line', (line) =>
    line === 'ready' ? ready.resolve() : finished.resolve(JSON.parse(line) as SchedulerRun),
  );
  child.once('exit', () => {
    const failure = new Error('A scheduler stopped unexpectedly (its errors are above).');
    ready.reject(failure);
    finished.reject(failure);
  });
  finished.promise.catch(() => {});
  return { ready: ready.promise, go: () => child.stdin.end('go\n'), finished: finished.promise };
}

/** Numbers missing between 1 and the year's highest, and numbers or launches invoiced more than once. */
async function numbering(stores: Stores) {
  const [row] = await stores.operational.em
    .fork()
    .execute<{ invoices: string; numbers: string; launches: string; missing: string }[]>(
      `select count(*) as invoices, count(distinct number) as numbers, count(distinct launch_id) as launches,
       (select coalesce(sum(top - taken), 0)
        from (select max(sequence) as top, count(distinct sequence) as taken from invoice group by year) years
       ) as missing
     from invoice`,
    );
  return {
    invoices: Number(row!.invoices),
    gaps: Number(row!.missing),
    duplicates: Number(row!.invoices) - Number(row!.numbers) + (Number(row!.invoices) - Number(row!.launches)),
  };
}

/**
 * How long the agency's statement and finance's monthly report take over its 1,000 invoices and 100,000 ledger rows
 * (the statements and reports are `agencyStatement` and `financeReport` of @astro/finance).
 */
async function timeStatementAndReport(stores: Stores, agencyId: string, from: string, until: string) {
  await stores.operational.em.fork().execute('analyze');
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const period = { from, until };
  return {
    statementMs: await timed(() => agencyStatement(stores.operational.em.fork(), agencyId, period)),
    reportMs: await timed(() => financeReport(stores.operational.em.fork(), { period, agencyId })),
    monthReportMs: await timed(() =>
      financeReport(stores.operational.em.fork(), { period: { from: until.slice(0, 8) + '01', until } }),
    ),
  };
}

console.log('fresh databases ...');
const services = await freshServices(dataDir, { seed: false });
const stores = await openStores(services.config);
try {
  const now = Date.now();
  const firstLaunch = new Date(now - (launches + 2) * day);
  let started = performance.now();
  console.log(`writing ${launches} launched launches, ${launches * 20} bookings, ${launches * 100} ledger rows ...`);
  const { agencyIds } = await writeLaunchedLaunches(stores.operational.em.fork(), {
    tag: 'Bench',
    launches,
    firstLaunch,
    bookingsPerLaunch: 20,
    paymentsPerBooking: 4,
    capturedCents: 200_000_00,
    refundedCents: 20_000_00,
  });
  await stores.operational.em.fork().execute('analyze');
  console.log(`written in ${((performance.now() - started) / 1000).toFixed(1)} s; two schedulers issuing ...`);

  const schedulers = [startScheduler(services.env), startScheduler(services.env)];
  await Promise.all(schedulers.map((scheduler) => scheduler.ready));
  started = performance.now();
  for (const scheduler of schedulers) scheduler.go();
  // The moment the last invoice exists; the runs go on to queue the agency's e-mails.
  let issuedSeconds = Number.NaN;
  const watching = (async () => {
    while (Number.isNaN(issuedSeconds)) {
      if ((await stores.operational.em.fork().count(Invoice, {})) >= launches)
        issuedSeconds = (performance.now() - started) / 1000;
      else await sleep(50);
    }
  })();
  const runs = await Promise.all(schedulers.map((scheduler) => scheduler.finished));
  const jobSeconds = (performance.now() - started) / 1000;
  if (Number.isNaN(issuedSeconds)) issuedSeconds = jobSeconds;
  await watching;
  const figures = await numbering(stores);

  const today = new Date().toISOString().slice(0, 10);
  const timings = await timeStatementAndReport(stores, agencyIds[0]!, firstLaunch.toISOString().slice(0, 10), today);

  const figuresAndLimits: [label: string, measured: string | number, limit: string][] = [
    ['invoices issued', `${figures.invoices} of ${launches}`, `${launches}`],
    ['issued by each scheduler', runs.map((run) => run.issued).join(' + '), '–'],
    ['  found issued or busy', runs.map((run) => run.alreadyIssued).join(' + '), '–'],
    ['invoices per second', rate(figures.invoices, issuedSeconds), '–'],
    ['all issued after (s)', issuedSeconds.toFixed(2), '–'],
    ['runs done, e-mails queued (s)', jobSeconds.toFixed(2), '–'],
    ['gaps in the numbers', figures.gaps, '0'],
    ['duplicate numbers or invoices', figures.duplicates, '0'],
    ['statement, 1,000 invoices (ms)', Math.round(timings.statementMs), `< ${pageLimitMs}`],
    ['report of the agency (ms)', Math.round(timings.reportMs), `< ${pageLimitMs}`],
    ['report of this month (ms)', Math.round(timings.monthReportMs), `< ${pageLimitMs}`],
  ];
  const rows: Row<{ name: string; column: 1 | 2 }>[] = figuresAndLimits.map((row) => [
    row[0],
    ({ column }) => row[column],
  ]);
  console.log('');
  printTable(
    [
      { name: 'measured', column: 1 },
      { name: 'limit', column: 2 },
    ],
    rows,
  );
  const passed =
    figures.invoices === launches &&
    figures.gaps === 0 &&
    figures.duplicates === 0 &&
    Math.max(timings.statementMs, timings.reportMs, timings.monthReportMs) < pageLimitMs;
  process.exitCode = passed ? 0 : 1;
} finally {
  await stores.close();
  await services.stop();
}
