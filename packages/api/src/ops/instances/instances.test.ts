import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobLeaseCollection, startHeartbeat } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorCaller } from '../operator.test-support.ts';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('ops.instances.list', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);
  /** A process whose clock says `at`: its heartbeat is written as of then. */
  const beatAt = async (instance: string, kind: 'host' | 'jobs', at: Date) => {
    const heartbeat = startHeartbeat({
      system: world.stores.system,
      instance,
      kind,
      version: '2026.11.3',
      startedAt: ago(60 * 60_000),
      now: () => at,
      everyMs: 60 * 60_000,
    });
    heartbeat.stop();
    await heartbeat.beat();
  };

  beforeAll(async () => {
    world = await openTestStores();
    await jobLeaseCollection(world.stores.system.em).insertMany([
      { _id: 'email-sender', holder: 'jobs-1:42', until: ago(-20_000), token: 3 },
      { _id: 'sync-apply', holder: 'jobs-1:42', until: ago(-20_000), token: 7 },
      // Given back: not held any more.
      { _id: 'retention', holder: 'jobs-1:42', until: new Date(0), token: 1 },
    ]);
  });
  afterAll(() => world.drop());

  it('shows each process with its version, start and the job leases it holds, marking one that stopped heartbeating as gone', async () => {
    await beatAt('web-1:7', 'host', ago(2_000));
    await beatAt('jobs-1:42', 'jobs', ago(1_000));
    await beatAt('web-2:9', 'host', ago(60_000));
    await beatAt('web-old:3', 'host', ago(2 * 24 * 60 * 60_000));

    const { instances, goneAfterSeconds } = await operator().instances.list();
    expect(goneAfterSeconds).toBe(15);
    expect(instances.map(({ name, kind, state, leases }) => ({ name, kind, state, leases }))).toEqual([
      { name: 'jobs-1:42', kind: 'jobs', state: 'alive', leases: ['email-sender', 'sync-apply'] },
      { name: 'web-1:7', kind: 'host', state: 'alive', leases: [] },
      { name: 'web-2:9', kind: 'host', state: 'gone', leases: [] },
    ]);
    expect(instances[0]).toMatchObject({
      version: '2026.11.3',
      startedAt: ago(60 * 60_000).toISOString(),
      heartbeatAt: ago(1_000).toISOString(),
    });
  });

  it('shows a gone instance alive again once it heartbeats, keeping one entry per process', async () => {
    await beatAt('web-2:9', 'host', ago(500));
    const { instances } = await operator().instances.list();
    expect(instances.filter((instance) => instance.name === 'web-2:9')).toEqual([
      expect.objectContaining({ state: 'alive', heartbeatAt: ago(500).toISOString() }),
    ]);
  });
});
