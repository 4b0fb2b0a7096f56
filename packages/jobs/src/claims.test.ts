import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from 'mongodb';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { claimBatches, settleClaims, type Claimable } from './claims.ts';
import { fenceLostAfter } from './fences.test-support.ts';
import { LeaseLost, unfenced } from './scheduler.ts';

type Work = Claimable & { done: boolean; claimedBy: string | null; claimedUntil: Date | null };

describe('claiming work in batches', () => {
  let test: TestStores;
  let work: Collection<Work>;
  const claimMs = 60_000;
  const due = (at: Date) => ({ done: false, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: at } }] });
  /** Everything one worker wins in a call, batch by batch, as `holder` at `at`. */
  const claimAll = async (holder: string, at = new Date(), batch = 10, fence = unfenced) => {
    const won: { token: string; ids: string[] }[] = [];
    for await (const claim of claimBatches(work, due(at), {
      sort: { _id: 1 },
      limit: 1_000,
      batch,
      holder,
      claimMs,
      clock: () => at,
      fence,
    }))
      won.push({ token: claim.token, ids: claim.items.map((item) => item._id) });
    return won;
  };
  const queue = (count: number) =>
    work.insertMany(
      Array.from({ length: count }, (_, n) => ({
        _id: `item-${String(n).padStart(4, '0')}`,
        done: false,
        claimedBy: null,
        claimedUntil: null,
      })),
    );

  beforeAll(async () => {
    test = await openTestStores();
    work = test.stores.system.em.getCollection<Work>('work');
  });
  beforeEach(() => work.deleteMany({}));
  afterAll(() => test.drop());

  it('never gives one item to two of 50 workers claiming at once, and leaves none unclaimed', async () => {
    await queue(100);
    const workers = await Promise.all(Array.from({ length: 50 }, (_, n) => claimAll(`worker-${n}`)));
    const taken = workers.flatMap((claims) => claims.flatMap((claim) => claim.ids));
    expect(taken).toHaveLength(100);
    expect(new Set(taken).size).toBe(100);
    // What each worker was told it won is what the store says it holds.
    for (const claim of workers.flat())
      expect((await work.find({ claimedBy: claim.token }).toArray()).map((item) => item._id).sort()).toEqual(
        [...claim.ids].sort(),
      );
  }, 120_000);

  it('leaves the items of a worker that died between claiming and settling to be taken again once its claim lapses', async () => {
    await queue(25);
    const at = new Date();
    const doomed = await claimAll('doomed', at);
    expect(doomed.flatMap((claim) => claim.ids)).toHaveLength(25);
    // The doomed worker never settles. Before its claim lapses nobody else gets its items; after, another does.
    expect(await claimAll('survivor', new Date(at.getTime() + claimMs - 1_000))).toEqual([]);
    const later = new Date(at.getTime() + claimMs + 1_000);
    const survivor = await claimAll('survivor', later);
    expect(survivor.flatMap((claim) => claim.ids)).toHaveLength(25);
    // A settle by the worker that lost them changes nothing: the items are the survivor's now.
    await settleClaims(
      work,
      doomed[0]!.token,
      doomed[0]!.ids.map((id) => ({ id, set: { done: true } })),
    );
    expect(await work.countDocuments({ done: true })).toBe(0);
    for (const claim of survivor)
      await settleClaims(
        work,
        claim.token,
        claim.ids.map((id) => ({ id, set: { done: true } })),
      );
    expect(await work.countDocuments({ done: true, claimedBy: null, claimedUntil: null })).toBe(25);
  });

  it('claims nothing more once the run has lost its lease', async () => {
    await queue(10);
    // The lease is lost after two batches, as a scheduler's fence reports it.
    const claimed: string[] = [];
    const claiming = (async () => {
      for await (const claim of claimBatches(work, due(new Date()), {
        sort: { _id: 1 },
        limit: 10,
        batch: 2,
        holder: 'east',
        claimMs,
        clock: () => new Date(),
        fence: fenceLostAfter(2),
      }))
        claimed.push(...claim.items.map((item) => item._id));
    })();
    await expect(claiming).rejects.toBeInstanceOf(LeaseLost);
    expect(claimed).toEqual(['item-0000', 'item-0001', 'item-0002', 'item-0003']);
    expect(await work.countDocuments({ claimedBy: { $ne: null } })).toBe(4);
  });
});
