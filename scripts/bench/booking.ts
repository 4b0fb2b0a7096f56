/**
 * The booking benchmark (`scripts/bench/booking`): signed-in customers hold and pay for seats over HTTP, as
 * their browsers do — first racing for the last seats of one launch, then spread over every bookable launch.
 * Prints one small table, the database commands a booking cost, and each goal beside its figure; exits 1 if any
 * seat was oversold.
 *
 * Commands are counted by the host itself (`astro_db_commands_total` on /metrics, from the drivers' command
 * monitoring): each command is counted under the request procedure whose async context sent it, so the jobs' own
 * work (sync relays, e-mail, hold expiry) and the log sink's batches, which run outside any request, are not in
 * the booking's figures. The benchmark reads the counters before and after each scenario and divides each step's
 * commands (bookings.hold, .passengers, .pay) by the requests it sent for that step; a booking is one of each.
 * With --url, the counters need the host's METRICS_TOKEN in the environment; a fresh system gets one of its own.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { CatalogueEntry } from '@astro/api';
import { demoPassword, demoTravelerEmails } from '@astro/db/seed';
import { bareConditionalUpdates, shareOf, type BareWrites } from './bare-store.ts';
import { CustomerBrowser, RefusedError } from './customer-browser.ts';
import {
  allCommands,
  commandStores,
  commandsPerRequest,
  perBooking,
  readCommandCounters,
  readsWrites,
  type StepCommands,
  type Tally,
} from './db-commands.ts';
import { count, percentile, printFigures, printTable, type Row, type ScenarioFigures } from './figures.ts';
import { isReady, startFreshSystem } from './fresh-system.ts';
import { inTurns } from './in-turns.ts';

const usage = `Usage: scripts/bench/booking [--url URL | --fresh-system] [--clients N]
  --url URL         the running system (default: $BENCH_URL, else http://localhost:4000)
  --fresh-system    start a fresh demo system on a free port (data in .data/bench), stop it afterwards
  --clients N       concurrent customers' browsers, each with its own session and connection (default 200)`;

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    'fresh-system': { type: 'boolean', default: false },
    clients: { type: 'string', default: '200' },
    help: { type: 'boolean', default: false },
  },
});
const clients = Number(options.clients);
if (options.help || !Number.isInteger(clients) || clients < 1) {
  console.log(usage);
  process.exit(options.help ? 0 : 2);
}

/** Parties of one to four: within every customer's seat limit, and mixed so a refusal can be "only 2 left". */
const partySize = (index: number) => 1 + (index % 4);
const card = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' };
/** Sign-in is set-up, not the thing measured: a few at a time. */
const signInsAtOnce = 8;

/** Collects one scenario's figures as its requests answer. */
class ScenarioRun {
  private readonly holdSpan = { from: Infinity, to: 0 };
  private readonly paySpan = { from: Infinity, to: 0 };
  private readonly heldByLaunch = new Map<string, number>();
  readonly figures: ScenarioFigures;
  /** Requests sent per step, to divide the step's database commands by. */
  readonly requests = { hold: 0, passengers: 0, pay: 0 };

  constructor(name: string) {
    this.figures = {
      name,
      launches: 0,
      seatsBefore: 0,
      attempts: 0,
      heldBookings: 0,
      heldSeats: 0,
      holdSeconds: 0,
      holdMs: [],
      holdRefusals: new Map(),
      payRefusals: new Map(),
      payments: 0,
      confirmed: 0,
      paySeconds: 0,
      payMs: [],
      oversold: 0,
      seatsLeftOff: 0,
    };
  }

  /** One hold attempt; the booking's id when the seats were held. */
  async hold(customer: CustomerBrowser, launchId: string, seats: number): Promise<string | null> {
    this.figures.attempts++;
    this.requests.hold++;
    const sent = this.mark(this.holdSpan);
    try {
      const held = await customer.mutation('bookings.hold', { launchId, seats, idempotencyKey: randomUUID() });
      this.figures.heldBookings++;
      this.figures.heldSeats += held.seats;
      this.heldByLaunch.set(launchId, (this.heldByLaunch.get(launchId) ?? 0) + held.seats);
      return held.bookingId;
    } catch (error) {
      count(this.figures.holdRefusals, messageOf(error));
      return null;
    } finally {
      this.figures.holdMs.push(this.mark(this.holdSpan) - sent);
    }
  }

  /** Names the passengers and pays, as the booking page does; only the payment itself is the pay latency. */
  async pay(customer: CustomerBrowser, bookingId: string, seats: number): Promise<void> {
    this.figures.payments++;
    this.mark(this.paySpan);
    try {
      const passengers = Array.from({ length: seats }, (_, n) => ({
        name: `Bench Traveler ${n + 1}`,
        birthDate: '1985-06-15',
      }));
      this.requests.passengers++;
      await customer.mutation('bookings.passengers', { bookingId, passengers });
      const sent = performance.now();
      this.requests.pay++;
      try {
        const booking = await customer.mutation('bookings.pay', { bookingId, attemptKey: randomUUID(), card });
        if (booking.status === 'confirmed') this.figures.confirmed++;
        else count(this.figures.payRefusals, `paid, but the booking is ${booking.status}`);
      } finally {
        this.figures.payMs.push(this.mark(this.paySpan) - sent);
      }
    } catch (error) {
      count(this.figures.payRefusals, messageOf(error));
    }
  }

  /**
   * Compares what the holds took with the catalogue now: seats held beyond what was left are oversold, and
   * the catalogue's seatsLeft must be exactly what was left less what was held.
   */
  async checkSeats(reader: CustomerBrowser, before: CatalogueEntry[]): Promise<ScenarioRun> {
    const now = new Map((await catalogue(reader)).map((launch) => [launch.id, launch.seatsLeft]));
    this.figures.launches = before.length;
    for (const launch of before) {
      this.figures.seatsBefore += launch.seatsLeft;
      const held = this.heldByLaunch.get(launch.id) ?? 0;
      const seatsLeft = now.get(launch.id);
      if (seatsLeft === undefined) throw new Error(`${launch.missionName} is no longer in the catalogue.`);
      this.figures.oversold += Math.max(0, held - launch.seatsLeft);
      this.figures.seatsLeftOff += Math.abs(seatsLeft - (launch.seatsLeft - held));
    }
    this.figures.holdSeconds = Math.max(0, this.holdSpan.to - this.holdSpan.from) / 1000;
    this.figures.paySeconds = Math.max(0, this.paySpan.to - this.paySpan.from) / 1000;
    return this;
  }

  private mark(span: { from: number; to: number }): number {
    const at = performance.now();
    span.from = Math.min(span.from, at);
    span.to = Math.max(span.to, at);
    return at;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof RefusedError) return error.message;
  return `failed: ${error instanceof Error ? error.message : String(error)}`;
}

async function catalogue(reader: CustomerBrowser): Promise<CatalogueEntry[]> {
  return (await reader.query('catalogue.list', { limit: 100 })).launches;
}

async function bookableLaunches(reader: CustomerBrowser): Promise<CatalogueEntry[]> {
  return (await catalogue(reader)).filter((launch) => launch.bookable && launch.seatsLeft > 0);
}

/** Every customer at once on the bookable launch with the fewest seats left (at least 8); then half of them pay. */
async function contention(customers: CustomerBrowser[]): Promise<ScenarioRun> {
  const reader = customers[0]!;
  const [launch] = (await bookableLaunches(reader))
    .filter((candidate) => candidate.seatsLeft >= 8)
    .sort((a, b) => a.seatsLeft - b.seatsLeft);
  if (!launch) throw new Error('No bookable launch has 8 or more seats left; try --fresh-system.');
  const run = new ScenarioRun('contention');
  await Promise.all(customers.map((customer) => customer.warm()));
  const holds = await Promise.all(
    customers.map(async (customer, index) => {
      const seats = partySize(index);
      return { customer, seats, bookingId: await run.hold(customer, launch.id, seats) };
    }),
  );
  // Half pay and half stay held, so the seat check covers held and confirmed seats alike.
  const paying = holds.filter((hold) => hold.bookingId !== null).filter((_, index) => index % 2 === 0);
  await Promise.all(paying.map((hold) => hold.customer.warm()));
  await Promise.all(paying.map((hold) => run.pay(hold.customer, hold.bookingId!, hold.seats)));
  return run.checkSeats(reader, [launch]);
}

/**
 * Every customer at once, round the bookable launches: hold, passengers, pay. One seat each, and never more
 * bookings on a launch than it has seats left, so nobody waits for a seat — only for the system.
 */
async function spread(customers: CustomerBrowser[]): Promise<ScenarioRun> {
  const reader = customers[0]!;
  const launches = await bookableLaunches(reader);
  const left = new Map(launches.map((launch) => [launch.id, launch.seatsLeft]));
  const plan: { customer: CustomerBrowser; launchId: string }[] = [];
  for (const [index, customer] of customers.entries()) {
    const open = launches.filter((launch) => left.get(launch.id)! > 0);
    if (open.length === 0) break;
    const launch = open[index % open.length]!;
    left.set(launch.id, left.get(launch.id)! - 1);
    plan.push({ customer, launchId: launch.id });
  }
  const run = new ScenarioRun('spread');
  await Promise.all(plan.map(({ customer }) => customer.warm()));
  await Promise.all(
    plan.map(async ({ customer, launchId }) => {
      const bookingId = await run.hold(customer, launchId, 1);
      if (bookingId) await run.pay(customer, bookingId, 1);
    }),
  );
  return run.checkSeats(
    reader,
    launches.filter((launch) => plan.some((booking) => booking.launchId === launch.id)),
  );
}

/** The goals of issue 15 that this benchmark holds the booking path against. */
const goals = { commandsPerBooking: 12, shareOfBare: 25, holdP99Ms: 1000 };

interface CountedScenario {
  figures: ScenarioFigures;
  /** Null when the host's counters could not be read (no METRICS_TOKEN for a running system). */
  commands: { hold: StepCommands; passengers: StepCommands; pay: StepCommands; booking: StepCommands } | null;
}

/** Runs a scenario between two readings of the host's command counters. */
async function counted(scenario: () => Promise<ScenarioRun>, counters: (() => Promise<Tally>) | null) {
  const before = await counters?.();
  const run = await scenario();
  const after = await counters?.();
  if (!before || !after) return { figures: run.figures, commands: null } satisfies CountedScenario;
  const step = (procedure: string, requests: number) =>
    commandsPerRequest(before, after, `customer.bookings.${procedure}`, requests);
  const hold = step('hold', run.requests.hold);
  const passengers = step('passengers', run.requests.passengers);
  const pay = step('pay', run.requests.pay);
  return {
    figures: run.figures,
    commands: { hold, passengers, pay, booking: perBooking([hold, passengers, pay]) },
  } satisfies CountedScenario;
}

function printCommands(scenarios: CountedScenario[]): void {
  const measured = scenarios.filter(
    (scenario): scenario is CountedScenario & { commands: NonNullable<CountedScenario['commands']> } =>
      scenario.commands !== null,
  );
  if (measured.length === 0) {
    console.log(
      "\nDatabase commands: not counted (set METRICS_TOKEN to the host's scrape token, or use --fresh-system).",
    );
    return;
  }
  console.log(
    "\ndatabase commands per request (reads / writes), all three stores; contention's holds are mostly refused:",
  );
  printTable(
    measured.map(({ figures, commands }) => ({ name: figures.name, ...commands })),
    [
      ['hold', (s) => readsWrites(s.hold)],
      ['passengers', (s) => readsWrites(s.passengers)],
      ['pay', (s) => readsWrites(s.pay)],
      ['one booking', (s) => readsWrites(s.booking)],
      ...commandStores.map((store): Row<{ booking: StepCommands }> => [
        `  ${store} DB`,
        (s) => readsWrites(s.booking, store),
      ]),
      [`one booking, in all (limit ${goals.commandsPerBooking})`, (s) => allCommands(s.booking).toFixed(1)],
    ],
  );
}

const goalLine = (what: string, figure: string, goal: string, met: boolean) =>
  console.log(`  ${met ? 'met    ' : 'not met'}  ${what}: ${figure} (goal ${goal})`);

function printGoals(scenarios: CountedScenario[], bare: BareWrites | null): void {
  const spreadRun = scenarios.find((scenario) => scenario.figures.name === 'spread')!.figures;
  console.log('\ngoals (issue 15):');
  if (bare) {
    const confirmationsPerSecond = spreadRun.paySeconds > 0 ? spreadRun.confirmed / spreadRun.paySeconds : 0;
    const share = (100 * confirmationsPerSecond) / (bare.writes / bare.seconds);
    goalLine(
      `spread confirmations/s against the bare conditional update (${bare.perSecond}/s)`,
      `${confirmationsPerSecond.toFixed(1)}/s = ${shareOf(confirmationsPerSecond, bare)}`,
      `≥ ${goals.shareOfBare} %`,
      share >= goals.shareOfBare,
    );
  }
  for (const { figures, commands } of scenarios) {
    const p99 = percentile(figures.holdMs, 99);
    goalLine(`${figures.name} hold p99`, `${Math.round(p99)} ms`, `≤ ${goals.holdP99Ms} ms`, p99 <= goals.holdP99Ms);
    goalLine(`${figures.name} oversold seats`, String(figures.oversold), '0', figures.oversold === 0);
    // A booking is what spread makes; contention's holds are mostly refusals, which cost what a refusal costs.
    if (commands && figures.name === 'spread') {
      const all = allCommands(commands.booking);
      goalLine(
        `${figures.name} database commands per booking`,
        all.toFixed(1),
        `≤ ${goals.commandsPerBooking}`,
        all <= goals.commandsPerBooking,
      );
    }
  }
}

// A fresh system reads its scrape token from the environment it inherits: one made for this run.
if (options['fresh-system']) process.env['METRICS_TOKEN'] = randomBytes(32).toString('hex');
const benchStarted = performance.now();
const fresh = options['fresh-system'] ? await startFreshSystem() : null;
const url = fresh?.url ?? options.url ?? process.env['BENCH_URL'] ?? 'http://localhost:4000';
let customers: CustomerBrowser[] = [];
try {
  if (!(await isReady(url)))
    throw new Error(`No ready system answers at ${url}; start one (./scripts/start) or use --fresh-system.`);
  const signInStarted = performance.now();
  customers = await inTurns(
    Array.from(
      { length: clients },
      (_, index) => () =>
        CustomerBrowser.signIn(url, demoTravelerEmails[index % demoTravelerEmails.length]!, demoPassword),
    ),
    signInsAtOnce,
  );
  const signInSeconds = ((performance.now() - signInStarted) / 1000).toFixed(1);
  console.log(
    `Booking benchmark against ${url}: ${clients} browsers (own session and connection each) of ` +
      `${Math.min(clients, demoTravelerEmails.length)} demo customers, signed in beforehand in ${signInSeconds} s.\n`,
  );
  // The store's own limit, measured first on the same FerretDB while the system is idle.
  const bare = fresh ? await bareConditionalUpdates(fresh.mongoUrl) : null;
  const token = process.env['METRICS_TOKEN'];
  const counters = token ? () => readCommandCounters(url, token) : null;
  const scenarios = [
    await counted(() => contention(customers), counters),
    await counted(() => spread(customers), counters),
  ];
  printFigures(scenarios.map((scenario) => scenario.figures));
  console.log(
    '\nRates are per second of wall clock from the first request of a step to its last answer; ' +
      '"pay" includes naming the passengers, its latency is the payment request alone.',
  );
  printCommands(scenarios);
  printGoals(scenarios, bare);
  console.log(`\nThe benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s.`);
  if (scenarios.some((scenario) => scenario.figures.oversold > 0)) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const customer of customers) customer.close();
  await fresh?.stop();
}
