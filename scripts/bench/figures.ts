/** What a benchmark measures and the small table it prints, a column per scenario; the booking benchmark's figures. */

export interface ScenarioFigures {
  name: string;
  launches: number;
  /** Seats the scenario's launches had left when it began. */
  seatsBefore: number;
  attempts: number;
  heldBookings: number;
  heldSeats: number;
  /** From the first hold sent to the last hold answered. */
  holdSeconds: number;
  holdMs: number[];
  /** Unsuccessful holds (and payments), counted by the message a person would see. */
  holdRefusals: Map<string, number>;
  payRefusals: Map<string, number>;
  payments: number;
  confirmed: number;
  /** From the first payment step sent to the last payment answered. */
  paySeconds: number;
  payMs: number[];
  /** Seats held beyond what the launches had left before (the brief's oversell count). */
  oversold: number;
  /** How far each launch's catalogue seatsLeft is from (seats left before − seats held), summed. */
  seatsLeftOff: number;
}

/** Nearest-rank percentile: a latency some request really had. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function count(tally: Map<string, number>, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

const total = (tally: Map<string, number>, counts: (message: string) => boolean = () => true) =>
  [...tally].reduce((sum, [message, n]) => (counts(message) ? sum + n : sum), 0);

/** `n` per second of `seconds`, for a table cell. */
export const rate = (n: number, seconds: number) => (seconds > 0 ? (n / seconds).toFixed(1) : '–');

/** Millisecond values as "p50 / p99", for a table cell. */
export const ms = (values: number[]) =>
  values.length ? `${Math.round(percentile(values, 50))} / ${Math.round(percentile(values, 99))}` : '–';

/** A table row: its label, and what it shows in a scenario's column. */
export type Row<Scenario> = [label: string, value: (scenario: Scenario) => string | number];

/** One line per row, one right-aligned column per scenario headed by its name. */
export function printTable<Scenario extends { name: string }>(scenarios: Scenario[], rows: Row<Scenario>[]): void {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columns = scenarios.map((scenario) =>
    Math.max(scenario.name.length, ...rows.map(([, value]) => String(value(scenario)).length)),
  );
  const line = (label: string, cell: (scenario: Scenario) => string | number) =>
    console.log(label.padEnd(width) + scenarios.map((s, i) => String(cell(s)).padStart(columns[i]! + 3)).join(''));
  line('', (scenario) => scenario.name);
  for (const [label, value] of rows) line(label, value);
}

const rows: Row<ScenarioFigures>[] = [
  ['launches', (s) => s.launches],
  ['seats left before', (s) => s.seatsBefore],
  ['hold attempts', (s) => s.attempts],
  ['held (bookings / seats)', (s) => `${s.heldBookings} / ${s.heldSeats}`],
  ['refused', (s) => total(s.holdRefusals)],
  ['  without "Sold out"', (s) => total(s.holdRefusals, (message) => !message.startsWith('Sold out'))],
  ['hold answers/s', (s) => rate(s.attempts, s.holdSeconds)],
  ['holds/s', (s) => rate(s.heldBookings, s.holdSeconds)],
  ['hold p50 / p99 ms', (s) => ms(s.holdMs)],
  ['paid (confirmed / tried)', (s) => `${s.confirmed} / ${s.payments}`],
  ['confirmations/s', (s) => rate(s.confirmed, s.paySeconds)],
  ['pay p50 / p99 ms', (s) => ms(s.payMs)],
  ['oversold seats', (s) => s.oversold],
  ['catalogue seatsLeft off by', (s) => s.seatsLeftOff],
];

export function printFigures(scenarios: ScenarioFigures[]): void {
  printTable(scenarios, rows);
  const refusals = scenarios.flatMap((scenario) => [
    ...[...scenario.holdRefusals].map(([message, n]) => [scenario.name, 'hold', n, message] as const),
    ...[...scenario.payRefusals].map(([message, n]) => [scenario.name, 'pay', n, message] as const),
  ]);
  if (refusals.length === 0) return;
  console.log('\nrefused, by message:');
  for (const [name, step, n, message] of refusals)
    console.log(`  ${name} ${step} ${String(n).padStart(5)}× ${message}`);
}
