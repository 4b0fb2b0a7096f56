import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '@astro/db';
import { CatalogueLaunch } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { SyncMessage, syncMessageCollection } from '@astro/db/system';
import { loadConfig } from '@astro/config';
import { startFerretDb } from '../../../../../scripts/services/index.ts';
import { freePort } from '../../../../../scripts/test-support/free-port.ts';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { applySyncMessages, claimMs } from './sync-apply.ts';
import { launchEditMessage, schedulerEnv, targetsOf } from './targets.test-support.ts';

/** Launch edits as the Operational DB would send them: `rounds` new versions of each of `launches`. */
async function queueLaunchEdits(world: TestStores, launches: CatalogueLaunch[], rounds: number, tag: string) {
  const messages = syncMessageCollection(world.stores.system.em);
  const now = new Date();
  const batch = [];
  for (let round = 1; round <= rounds; round++)
    for (const launch of launches) {
      const version = launch.sourceVersion + round;
      batch.push(launchEditMessage(launch, version, `${tag} v${version}`, now));
    }
  await messages.insertMany(batch);
  return batch.length;
}

const count = (world: TestStores, status: string) =>
  world.stores.system.em.fork().count(SyncMessage, { status: status as never });

describe('sync under faults', () => {
  let world: TestStores;
  let launches: CatalogueLaunch[];
  const latest = async (tag: string, rounds: number) => {
    const copies = await world.stores.customer.em
      .fork()
      .find(CatalogueLaunch, { id: { $in: launches.map((l) => l.id) } });
    return copies.every((copy) => {
      const original = launches.find((launch) => launch.id === copy.id)!;
      return copy.missionName === `${tag} v${original.sourceVersion + rounds}` && copy.seatsLeft === original.seatsLeft;
    });
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    launches = await world.stores.customer.em.fork().find(CatalogueLaunch, {}, { limit: 20, orderBy: { id: 'asc' } });
  });
  afterAll(() => world.drop());

  it('killed in the middle of a batch, a scheduler loses no message and applies none twice', async () => {
    const total = await queueLaunchEdits(world, launches, 5, 'Kill');
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./apply-until-killed.test-support.ts', import.meta.url))],
      {
        env: schedulerEnv(world),
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await expect.poll(() => count(world, 'applied'), { timeout: 30_000, interval: 20 }).toBeGreaterThan(total / 3);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // A write the dying process had already sent may still land: who applied what is counted at the end.
    expect(await count(world, 'applied')).toBeLessThan(total);

    // Its claims lapse; another scheduler takes over the rest.
    const later = new Date(Date.now() + claimMs + 1_000);
    const rest = await applySyncMessages(targetsOf(world.stores), 'survivor', () => later, 1_000);
    const system = world.stores.system.em.fork();
    const byDoomed = await system.count(SyncMessage, { appliedBy: new RegExp('^doomed-') } as never);
    expect(await system.count(SyncMessage, { appliedBy: 'survivor' })).toBe(rest.applied + rest.stale);
    expect(byDoomed + rest.applied + rest.stale).toBe(total);
    expect(await count(world, 'applied')).toBe(total);
    expect(await count(world, 'pending')).toBe(0);
    expect(await count(world, 'dead')).toBe(0);
    expect(await latest('Kill', 5)).toBe(true);
  });

  it('two schedulers under a stream of changes apply every message exactly once between them', async () => {
    launches = await world.stores.customer.em.fork().find(CatalogueLaunch, { id: { $in: launches.map((l) => l.id) } });
    const connections: Stores[] = await Promise.all([0, 1].map(() => openStores(world.config)));
    let producing = true;
    let produced = 0;
    const producer = (async () => {
      for (let round = 0; round < 4; round++) {
        produced += await queueLaunchEdits(world, launches, 1, `Stream ${round}`);
        launches = launches.map((launch) => ({ ...launch, sourceVersion: launch.sourceVersion + 1 }));
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      producing = false;
    })();
    const scheduler = async (stores: Stores, instance: string) => {
      const done = { applied: 0, stale: 0, retried: 0 };
      while (producing || (await count(world, 'pending')) > 0) {
        const counts = await applySyncMessages(targetsOf(stores), instance, () => new Date(), 10);
        done.applied += counts.applied;
        done.stale += counts.stale;
        done.retried += counts.retried;
      }
      return done;
    };
    const [first, second] = await Promise.all([
      scheduler(connections[0]!, 'east'),
      scheduler(connections[1]!, 'west'),
      producer,
    ]);
    await Promise.all(connections.map((stores) => stores.close()));
    expect(first!.applied + first!.stale + second!.applied + second!.stale).toBe(produced);
    expect(first!.retried + second!.retried).toBe(0);
    expect(first!.applied + first!.stale).toBeGreaterThan(0);
    expect(second!.applied + second!.stale).toBeGreaterThan(0);
    const messages = await world.stores.system.em
      .fork()
      .find(SyncMessage, { status: 'applied', payload: { missionName: /^Stream/ } } as never);
    expect(messages).toHaveLength(produced);
    expect(messages.every((message) => message.attempts === 1)).toBe(true);
  });
});

describe('sync while its target is down', () => {
  it('lets messages wait, without using up their attempts, and applies them when the target is back', async () => {
    const system = await openTestStores();
    const ferretOptions = { dataDir: await mkdtemp(join(tmpdir(), 'ferretdb-')), port: await freePort() };
    let ferret = await startFerretDb(ferretOptions);
    // The Customer DB on a server of its own, which this test stops.
    const stores = await openStores(
      loadConfig({ ...process.env, ...configEnv(system), CUSTOMER_MONGO_URL: ferret.url }),
    );
    try {
      await seedDemoWorld(stores, new Date());
      const launches = await stores.customer.em.fork().find(CatalogueLaunch, {}, { limit: 5 });
      const total = await queueLaunchEdits({ ...system, stores }, launches, 1, 'Outage');

      await ferret.stop();
      let clock = Date.now();
      for (let run = 0; run < 3; run++, clock += 20_000) {
        const counts = await applySyncMessages(targetsOf(stores), 'patient', () => new Date(clock));
        expect(counts).toMatchObject({ applied: 0, dead: 0, waiting: 1 });
      }
      const waiting = await system.stores.system.em.fork().find(SyncMessage, { status: 'pending' });
      expect(waiting).toHaveLength(total);
      expect(waiting.every((message) => message.attempts === 0)).toBe(true);

      ferret = await startFerretDb(ferretOptions);
      await expect
        .poll(
          async () => (await applySyncMessages(targetsOf(stores), 'patient', () => new Date(clock + 60_000))).applied,
          {
            timeout: 30_000,
            interval: 500,
          },
        )
        .toBeGreaterThan(0);
      await applySyncMessages(targetsOf(stores), 'patient', () => new Date(clock + 120_000));
      expect(await system.stores.system.em.fork().count(SyncMessage, { status: 'applied' })).toBe(total);
      expect(await system.stores.system.em.fork().count(SyncMessage, { status: 'dead' })).toBe(0);
    } finally {
      await stores.close();
      await ferret.stop();
      await system.drop();
    }
  }, 120_000);
});

/** The environment that reproduces a test's configuration. */
const configEnv = (world: TestStores) => ({
  DATABASE_URL: world.config.databaseUrl,
  MONGO_URL: world.config.systemMongoUrl,
  CUSTOMER_DB_NAME: world.config.customerDbName,
  SYSTEM_DB_NAME: world.config.systemDbName,
  SMTP_URL: world.config.smtpUrl,
});
