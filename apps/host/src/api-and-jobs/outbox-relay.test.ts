import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Launch, Rocket, SyncOutboxMessage } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { SyncMessage } from '@astro/db/system';
import { relayOperationalOutbox } from '@astro/jobs';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';

function runUntilKilled(env: Record<string, string>): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./schedule-then-die.test-support.ts', import.meta.url))],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve({ signal, stdout })));
}

describe('the Operational DB outbox', () => {
  let world: TestStores;
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
  });
  afterAll(() => world.drop());

  it('keeps a change and its sync message together when the process is killed before relaying, and relays it exactly once later', async () => {
    const rocket = await world.stores.operational.em
      .fork()
      .findOneOrFail(Rocket, { active: true }, { populate: ['agency'] });
    const { signal, stdout } = await runUntilKilled({
      DATABASE_URL: world.config.databaseUrl,
      MONGO_URL: world.config.systemMongoUrl,
      SYSTEM_DB_NAME: world.config.systemDbName,
      AGENCY_ID: rocket.agency.id,
      ROCKET_ID: rocket.id,
    });
    expect(signal).toBe('SIGKILL');
    const launchId = stdout.trim();

    const em = world.stores.operational.em.fork();
    expect(await em.findOne(Launch, launchId)).toMatchObject({ missionName: 'Last Words' });
    const [outboxed] = await em.find(SyncOutboxMessage, { entityId: launchId });
    expect(outboxed).toMatchObject({ relayedAt: null, entityVersion: 1 });
    const system = () => world.stores.system.em.fork();
    expect(await system().count(SyncMessage, { entityId: launchId })).toBe(0);

    expect(await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date())).toBeGreaterThan(0);
    expect(await system().find(SyncMessage, { entityId: launchId })).toEqual([
      expect.objectContaining({
        id: outboxed!.id,
        kind: 'catalogue.launch-changed',
        status: 'pending',
        target: 'customer',
      }),
    ]);

    // A relay that dies after copying but before marking copies again: still one message.
    await world.stores.operational.em.fork().nativeUpdate(SyncOutboxMessage, { id: outboxed!.id }, { relayedAt: null });
    await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date());
    expect(await system().count(SyncMessage, { entityId: launchId })).toBe(1);
    expect(await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date())).toBe(0);
  });
});
