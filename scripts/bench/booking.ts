/**
 * The booking benchmark (`scripts/bench/booking`): signed-in customers hold and pay for seats over HTTP, as
 * their browsers do — first racing for the last seats of one launch, then spread over every bookable launch.
 * Prints one small table; exits 1 if any seat was oversold.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { CatalogueEntry } from '@astro/api';
import { demoPassword, demoTravelerEmails } from '@astro/db/seed';
import { CustomerBrowser, RefusedError } from './customer-browser.ts';
import { count, printFigures, type ScenarioFigures } from './figures.ts';
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
      await customer.mutation('bookings.passengers', { bookingId, passengers });
      const sent = performance.now();
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
  async checkSeats(reader: CustomerBrowser, before: CatalogueEntry[]): Promise<ScenarioFigures> {
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
    return this.figures;
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
async function contention(customers: CustomerBrowser[]): Promise<ScenarioFigures> {
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
async function spread(customers: CustomerBrowser[]): Promise<ScenarioFigures> {
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
  const scenarios = [await contention(customers), await spread(customers)];
  printFigures(scenarios);
  console.log(
    '\nRates are per second of wall clock from the first request of a step to its last answer; ' +
      '"pay" includes naming the passengers, its latency is the payment request alone.',
  );
  if (scenarios.some((scenario) => scenario.oversold > 0)) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const customer of customers) customer.close();
  await fresh?.stop();
}
