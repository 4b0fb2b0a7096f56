import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueLaunch } from '@astro/db/customer';
import { Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { SyncMessage } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { applySyncMessages, maxAttempts } from './sync-apply.ts';
import { launchEditMessage, settleSync, targetsOf } from './targets.test-support.ts';

describe('applying sync messages', () => {
  let world: TestStores;
  let clock = new Date();
  const apply = () => applySyncMessages(targetsOf(world.stores), 'test-scheduler', () => clock);
  const settle = () => settleSync(world.stores, () => clock);
  const catalogue = (id: string) => world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, id);
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('applies a message twice as once, and never lets an older version overwrite a newer one', async () => {
    const launch = await world.stores.operational.em.fork().findOneOrFail(Launch, { status: 'scheduled' });
    const current = await catalogue(launch.id);
    const messages = world.stores.system.em.getConnection().getCollection('sync_messages');
    const message = (version: number, missionName: string) => launchEditMessage(current, version, missionName, clock);
    const newer = message(current.sourceVersion + 2, 'Newer Name');
    await messages.insertOne(newer);
    expect(await apply()).toMatchObject({ applied: 1 });
    await messages.insertOne(message(current.sourceVersion + 1, 'Older Name'));
    await messages.updateOne({ _id: newer._id }, { $set: { status: 'pending' } });
    expect(await apply()).toMatchObject({ applied: 0, stale: 2 });
    expect(await catalogue(launch.id)).toMatchObject({
      missionName: 'Newer Name',
      sourceVersion: current.sourceVersion + 2,
      seatsLeft: current.seatsLeft,
    });
  });

  it('retries a message that fails with growing delays, then keeps it as a dead letter with its error', async () => {
    const messages = world.stores.system.em.getConnection().getCollection<Record<string, unknown>>('sync_messages');
    const id = crypto.randomUUID();
    await messages.insertOne({
      _id: id as never,
      kind: 'launch.teleported',
      source: 'operational',
      target: 'customer',
      entityType: 'launch',
      entityId: 'nowhere',
      entityVersion: 1,
      payload: {},
      status: 'pending',
      attempts: 0,
      availableAt: clock,
      claimedBy: null,
      claimedUntil: null,
      createdAt: clock,
    });
    const start = clock;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await apply();
      const stored = await world.stores.system.em.fork().findOneOrFail(SyncMessage, id);
      expect(stored).toMatchObject({ attempts: attempt, status: attempt < maxAttempts ? 'pending' : 'dead' });
      clock = new Date(stored.availableAt.getTime() + 1);
    }
    const dead = await world.stores.system.em.fork().findOneOrFail(SyncMessage, id);
    expect(dead).toMatchObject({
      status: 'dead',
      lastError: 'No applier for sync messages of kind "launch.teleported"',
    });
    // Backoff: the last retry came minutes after the first, not seconds.
    expect(clock.getTime() - start.getTime()).toBeGreaterThan(4 * 60_000);
    clock = new Date();
  });
});
