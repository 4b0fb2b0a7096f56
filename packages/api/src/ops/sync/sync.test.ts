import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncMessage } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorTrailOf } from '../../audit.test-support.ts';
import { operatorCaller } from '../ops.test-support.ts';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('sync as operators see it', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world.stores.system, now);
  const em = () => world.stores.system.em.fork();
  let seeding: ReturnType<typeof em>;
  const message = (status: 'pending' | 'applied' | 'dead', createdAt: Date, appliedAt: Date | null = null) =>
    seeding.create(SyncMessage, {
      id: crypto.randomUUID(),
      kind: 'catalogue.launch-changed',
      source: 'operational',
      target: 'customer',
      entityType: 'launch',
      entityId: crypto.randomUUID(),
      entityVersion: 1,
      payload: {},
      status,
      attempts: status === 'dead' ? 8 : 1,
      availableAt: createdAt,
      claimedBy: null,
      claimedUntil: null,
      lastError: status === 'dead' ? 'Customer DB refused the update' : null,
      correlationId: null,
      createdAt,
      appliedAt,
    });

  beforeAll(async () => {
    world = await openTestStores();
    seeding = em();
    // 100 applied with lags of 1..100 s; two waiting, the older for 45 s; one dead.
    for (let lag = 1; lag <= 100; lag++) message('applied', ago(200_000), ago(200_000 - lag * 1000));
    message('pending', ago(45_000));
    message('pending', ago(5_000));
    message('dead', ago(600_000));
    await seeding.flush();
  });
  afterAll(() => world.drop());

  it('shows the backlog, the oldest waiting message and the apply lag', async () => {
    expect(await operator().sync.metrics()).toEqual({
      backlog: 2,
      dead: 1,
      oldestPendingMs: 45_000,
      applyLagMs: { p50: 50_000, p99: 99_000, sample: 100 },
    });
  });

  it('puts a dead letter back in line once, with fresh attempts', async () => {
    const [dead] = await operator().sync.deadLetters();
    expect(dead).toMatchObject({ lastError: 'Customer DB refused the update', attempts: 8 });
    expect(await operator().sync.replay({ messageId: dead!.id })).toEqual({ replayed: true });
    expect(await world.stores.system.em.fork().findOneOrFail(SyncMessage, dead!.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
    await expect(operator().sync.replay({ messageId: dead!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The replay is in the operators' audit trail, once: the refused second replay left nothing.
    expect(await operatorTrailOf(world.stores, 'syncMessage', dead!.id)).toEqual([
      expect.objectContaining({
        actorEmail: 'operator@example.com',
        actorRole: 'operator',
        action: 'syncMessage.replay',
        before: { status: 'dead', attempts: 8, lastError: 'Customer DB refused the update' },
        after: { status: 'pending', attempts: 0, lastError: null },
        at: now,
      }),
    ]);
  });
});
