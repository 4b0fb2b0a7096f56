/**
 * Bad input never breaks the host: every procedure of every router, called over HTTP through the real host as
 * every kind of person, with generated bad input. The procedures are read from the routers, so a new one is
 * fuzzed without being listed here; the valid inputs the bad values are planted in come from the authorization
 * matrix.
 */
import type { Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { hashPassword } from '@astro/auth';
import type { Stores } from '@astro/db';
import { Agency } from '@astro/db/operational';
import { demoAgencies, demoEmployees, demoPassword, demoTravelerEmails, seedDemoWorld } from '@astro/db/seed';
import { webApps } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import {
  matrix,
  ownOf,
  ownThings,
  personas,
  routers,
  type Own,
  type Persona,
  type RouterName,
} from '../../../packages/api/src/authorization-matrix.test-support.ts';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';
import { TestBrowser } from './sessions/browser.test-support.ts';

/** Per procedure: about 2,500 requests, 30 s for the whole file on two cores. */
const runsPerProcedure = 60;

/** Every procedure of a router with its dotted path, read from the router itself. */
function proceduresOf(router: AnyRouter): { path: string; type: 'query' | 'mutation' }[] {
  return Object.entries(router._def.procedures as Record<string, AnyProcedure>)
    .filter(([, procedure]) => procedure._def.type !== 'subscription')
    .map(([path, procedure]) => ({ path, type: procedure._def.type as 'query' | 'mutation' }));
}

/**
 * A bad value as the JSON text a client could send: some of it (1e400, deep nesting, a `__proto__` key) cannot
 * be made by JSON.stringify of a JavaScript value.
 */
const textWith = (characters: string[]) =>
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...characters), fc.string({ maxLength: 12 }))
    .map(([before, character, after]) => JSON.stringify(before + character + after));
// Text the databases refuse is the likeliest to reach them, so it is drawn most often.
const badValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: textWith(['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f']), weight: 3 },
  { arbitrary: textWith(['\ud800', '\udbff', '\udc00', '\udfff']), weight: 2 },
  fc.constant(JSON.stringify('x'.repeat(1024 * 1024))),
  fc.constantFrom('1e308', '-1e308', '1e400', String(2 ** 53 + 1), '-0', '0.5', '-1', '1e-300', 'NaN', 'Infinity'),
  // No string, boolean or null: some field takes each of them.
  fc.constantFrom('[]', '{}', '[null]', '[1,2,3]', '{"0":1}'),
  fc.constantFrom('{"$gt":""}', '{"$ne":null}', '{"$where":"sleep(1000)"}', '{"$regex":".*"}', '{"$in":[]}'),
  fc.constantFrom('{"__proto__":{"roles":["admin"]}}', '{"constructor":{"prototype":{"roles":["admin"]}}}'),
  fc.integer({ min: 100, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 100, max: 5000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

const marker = '\u2063bad value here\u2063';

/** The paths of every value inside a valid input, the input itself included. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(value.flatMap((each, index) => pathsOf(each, [...path, index])));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return here.concat(Object.entries(value).flatMap(([key, each]) => pathsOf(each, [...path, key])));
  return here;
}

/** The valid input as JSON with the value at `path` replaced by the bad JSON text. */
function planted(valid: unknown, path: (string | number)[], bad: string): string {
  if (path.length === 0) return bad;
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), () => bad);
}

/** Documents in every collection of both Mongo stores and rows in every table of the Operational DB. */
async function countEverything(stores: Stores): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, store] of [
    ['Customer DB', stores.customer],
    ['System DB', stores.system],
  ] as const) {
    const db = store.em.getConnection().getDb();
    for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray())
      counts[`${name}.${collection}`] = await db.collection(collection).countDocuments();
  }
  const connection = stores.operational.em.getConnection();
  const tables = await connection.execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  for (const { table_name: table } of tables) {
    const [row] = await connection.execute<{ count: string }[]>(`select count(*) as count from "${table}"`);
    counts[`Operational DB.${table}`] = Number(row!.count);
  }
  return counts;
}

describe('every procedure, fuzzed over HTTP as every kind of person', () => {
  let databases: TestStores;
  let host: { server: Server; url: string };
  let world: Record<'A' | 'B', Own>;
  const cookies = {} as Record<Persona, string>;
  let before: Record<string, number>;
  let cases = 0;
  // No System DB sink: the request log would otherwise add a document per request.
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    databases = await openTestStores();
    await seedDemoWorld(databases.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
    host = await serve(databases, log);
    world = await ownThings(databases.stores);
    const supplierOf = async (agencyId: string) => {
      const agency = await databases.stores.operational.em.fork().findOneOrFail(Agency, agencyId);
      return demoAgencies.find((each) => each.legalName === agency.legalName)!.supplier.email;
    };
    const employee = (role: string) => demoEmployees.find((each) => each.role === role)!.email;
    const accounts: Record<Persona, string | null> = {
      visitor: null,
      customer: demoTravelerEmails[0]!,
      'another customer': demoTravelerEmails[1]!,
      'supplier of A': await supplierOf(world.A.agencyId),
      'supplier of B': await supplierOf(world.B.agencyId),
      support: employee('support'),
      finance: employee('finance'),
      admin: employee('admin'),
      operator: employee('operator'),
    };
    // Signed in to all four apps, so each router sees the person as whoever its app's sign-in makes them.
    for (const persona of personas) {
      const browser = new TestBrowser(host.url);
      const email = accounts[persona];
      if (email) for (const app of webApps) await browser.signIn(app, email, demoPassword);
      cookies[persona] = browser.cookieHeader();
    }
    // Each person is who the fuzz says: otherwise every call would stop at authorization as a visitor's.
    const ownApp: Record<Persona, RouterName> = {
      visitor: 'customer',
      customer: 'customer',
      'another customer': 'customer',
      'supplier of A': 'supplier',
      'supplier of B': 'supplier',
      support: 'admin',
      finance: 'admin',
      admin: 'admin',
      operator: 'ops',
    };
    for (const persona of personas) {
      const response = await fetch(`${host.url}/api/${ownApp[persona]}/me`, { headers: { cookie: cookies[persona] } });
      const me = ((await response.json()) as { result: { data: { email?: string } | null } }).result.data;
      expect(me?.email ?? null, persona).toBe(accounts[persona]);
    }
    before = await countEverything(databases.stores);
  }, 120_000);
  afterAll(async () => {
    console.info(
      `Fuzzed ${cases} requests: ${procedures.length} procedures × ${personas.length} kinds of person, ${runsPerProcedure} each.`,
    );
    host?.server.close();
    await databases?.drop();
  });

  const procedures = (Object.keys(routers) as RouterName[]).flatMap((router) =>
    proceduresOf(routers[router]).map((procedure) => ({ router, ...procedure, name: `${router}.${procedure.path}` })),
  );

  test.each(procedures)(
    '$name answers bad input with a 4xx, never a 5xx, and writes nothing',
    async ({ router, path, type }) => {
      const row = matrix[router][path];
      // Mostly people allowed to call it, so the bad input reaches the input schema and the handler.
      const persona = row?.allowed.length
        ? fc.oneof({ arbitrary: fc.constantFrom(...row.allowed), weight: 3 }, fc.constantFrom(...personas))
        : fc.constantFrom(...personas);
      // Sent alone or as a batch of one, as the apps' httpBatchLink sends it (another parsing path in tRPC).
      const bad = fc
        .record({ persona, bad: badValue, at: fc.nat(), batched: fc.boolean() })
        .map(({ persona, bad, at, batched }) => {
          const valid = row?.input?.(ownOf(world, persona));
          const paths = pathsOf(valid);
          const input = planted(valid, paths[at % paths.length]!, bad);
          return { persona, batched, input: batched ? `{"0":${input}}` : input };
        });
      await fc.assert(
        fc.asyncProperty(bad, async ({ persona, batched, input }) => {
          cases++;
          const url = `${host.url}/api/${router}/${path}${batched ? '?batch=1' : ''}`;
          const headers = { cookie: cookies[persona], origin: host.url };
          const response =
            type === 'query'
              ? await fetch(`${url}${batched ? '&' : '?'}input=${encodeURIComponent(input)}`, { headers })
              : await fetch(url, {
                  method: 'POST',
                  headers: { ...headers, 'content-type': 'application/json' },
                  body: input,
                });
          const body = await response.text();
          expect(response.status, `${persona}: ${input.slice(0, 200)} → ${body.slice(0, 300)}`).toBeLessThan(500);
          // Bad input is never accepted, so a change of data can never come of it.
          if (type === 'mutation')
            expect(response.status, `${persona}: ${input.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: runsPerProcedure },
      );
      expect(await countEverything(databases.stores), 'documents and rows after the bad input').toEqual(before);
    },
    60_000,
  );
});
