import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { launchAhead, traveler } from './travelers.test-support.ts';

type Document = Record<string, unknown>;
/** What the driver's command monitoring tells of each command it sends. */
interface CommandStartedEvent {
  commandName: string;
  databaseName: string;
  command: Document;
}

/** The filter of each command that looks documents up: find, update, delete, findAndModify, count. */
function filtersOf(event: CommandStartedEvent): Document[] {
  const command = event.command;
  const filter = (command['filter'] ?? command['query'] ?? {}) as Document;
  if (['find', 'count', 'findAndModify'].includes(event.commandName)) return [filter];
  if (event.commandName === 'update') return (command['updates'] as { q: Document }[]).map((update) => update.q);
  if (event.commandName === 'delete') return (command['deletes'] as { q: Document }[]).map((deletion) => deletion.q);
  return [];
}

/**
 * Whether a plan reads an index: on FerretDB, PostgreSQL's own plan of the SQL it sends (an index scan of the GIN
 * twins that scripts/services/ferretdb.ts gives every indexed field); on MongoDB, an index stage and no COLLSCAN.
 */
const readsAnIndex = (plan: Document) => {
  const text = JSON.stringify(plan);
  return /Index Scan|Index Only Scan|IXSCAN|IDHACK|EXPRESS_/.test(text) && !/Seq Scan|COLLSCAN/.test(text);
};
const planSummary = (plan: Document) =>
  [...new Set(JSON.stringify(plan).match(/"Node Type":"[^"]+"|"Index Name":"[^"]+"|"stage":"[^"]+"/g) ?? [])].join(
    ', ',
  );

describe('the booking path', () => {
  let world: TestStores;
  const clients = () => [world.stores.customer, world.stores.system].map((orm) => orm.em.getConnection().getClient());

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    // Enough documents that a plan reading every one of them would cost, and the planner says which it reads.
    const filler = Array.from({ length: 3_000 }, (_, n) => ({ _id: `filler-${n}`, filler: true }));
    for (const [orm, collection] of [
      [world.stores.customer, 'bookings'],
      [world.stores.customer, 'launch_catalogue'],
      [world.stores.customer, 'customers'],
      [world.stores.system, 'sandbox_payments'],
    ] as const)
      await orm.em
        .getConnection()
        .getDb()
        .collection(collection)
        .insertMany(filler as never, { ordered: false });
  });
  afterAll(() => world.drop());

  it('looks up every document it reads or changes through an index, on FerretDB’s PostgreSQL as on MongoDB', async () => {
    const sent: { db: string; collection: string; filter: Document }[] = [];
    const listen = (event: CommandStartedEvent) => {
      const collection = String(event.command[event.commandName]);
      for (const filter of filtersOf(event)) sent.push({ db: event.databaseName, collection, filter });
    };
    const launch = await launchAhead(world, 0);
    for (const client of clients()) client.on('commandStarted', listen);
    try {
      await traveler(world, 1).book(launch.id, 2);
    } finally {
      for (const client of clients()) client.off('commandStarted', listen);
    }

    expect(sent.map(({ collection }) => collection)).toEqual(
      expect.arrayContaining(['bookings', 'launch_catalogue', 'sandbox_payments']),
    );
    const plans: string[] = [];
    const unindexed: string[] = [];
    for (const { db, collection, filter } of sent) {
      // Both stores are on one server: either client reaches either database.
      const plan = await clients()[0]!
        .db(db)
        .command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' });
      const line = `${collection} ${JSON.stringify(Object.keys(filter))}: ${planSummary(plan)}`;
      plans.push(line);
      if (!readsAnIndex(plan)) unindexed.push(`${line}\n${JSON.stringify(plan)}`);
    }
    // The plans, for the README and whoever changes the path next.
    console.info(`The booking path's lookups and their plans:\n  ${plans.join('\n  ')}`);
    expect(unindexed).toEqual([]);
  });
});
