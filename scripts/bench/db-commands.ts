/**
 * The host's database command counters (`astro_db_commands_total` on `/metrics`), read before and after a scenario:
 * what the scenario's requests cost each store, reads and writes apart, by the procedure that caused them.
 */
const stores = ['operational', 'customer', 'system'] as const;
type Store = (typeof stores)[number];
export type Tally = Map<string, number>;

const key = (cause: string, store: string, kind: string) => `${cause}|${store}|${kind}`;

export async function readCommandCounters(url: string, token: string): Promise<Tally> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`/metrics answered HTTP ${response.status}: ${await response.text()}`);
  const tally: Tally = new Map();
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith('astro_db_commands_total{')) continue;
    const labels = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value]));
    tally.set(key(labels['cause']!, labels['store']!, labels['kind']!), Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return tally;
}

/** Reads and writes per request of each procedure, per store, between two readings. */
export interface StepCommands {
  reads: Record<Store, number>;
  writes: Record<Store, number>;
}

export function commandsPerRequest(before: Tally, after: Tally, procedure: string, requests: number): StepCommands {
  const per = (store: Store, kind: string) => {
    const sent = (after.get(key(procedure, store, kind)) ?? 0) - (before.get(key(procedure, store, kind)) ?? 0);
    return requests > 0 ? sent / requests : 0;
  };
  const of = (kind: string) =>
    Object.fromEntries(stores.map((store) => [store, per(store, kind)])) as Record<Store, number>;
  return { reads: of('read'), writes: of('write') };
}

/** The commands of one booking: each step's commands per request, added up. */
export function perBooking(steps: StepCommands[]): StepCommands {
  const sum = (pick: (step: StepCommands) => Record<Store, number>) =>
    Object.fromEntries(stores.map((store) => [store, steps.reduce((n, step) => n + pick(step)[store], 0)])) as Record<
      Store,
      number
    >;
  return { reads: sum((step) => step.reads), writes: sum((step) => step.writes) };
}

const total = (counts: Record<Store, number>) => stores.reduce((n, store) => n + counts[store], 0);
export const allCommands = (step: StepCommands) => total(step.reads) + total(step.writes);

const one = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
/** "3 / 1": reads / writes of one store, for a table cell. */
export const readsWrites = (step: StepCommands, store?: Store) =>
  store
    ? `${one(step.reads[store])} / ${one(step.writes[store])}`
    : `${one(total(step.reads))} / ${one(total(step.writes))}`;
export { stores as commandStores };
