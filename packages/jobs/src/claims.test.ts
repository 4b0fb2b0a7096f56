import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { claimEach } from './claims.ts';
import { fenceLostAfter } from './fences.test-support.ts';
import { LeaseLost } from './scheduler.ts';

describe('claiming work', () => {
  let test: TestStores;
  beforeAll(async () => {
    test = await openTestStores();
  });
  afterAll(() => test.drop());

  it('claims nothing more once the run has lost its lease', async () => {
    const work = test.stores.system.em.getCollection('work');
    await work.insertMany(['a', 'b', 'c', 'd', 'e'].map((key) => ({ _id: key as never, claimedBy: null })));
    // The lease is lost after two claims, as a scheduler's fence reports it.
    const fence = fenceLostAfter(2);
    const claimed: string[] = [];
    const claiming = (async () => {
      for await (const item of claimEach(
        work,
        { claimedBy: null },
        {
          sort: { _id: 1 },
          limit: 10,
          claim: () => ({ claimedBy: 'east' }),
          fence,
        },
      ))
        claimed.push(String(item['_id']));
    })();
    await expect(claiming).rejects.toBeInstanceOf(LeaseLost);
    expect(claimed).toEqual(['a', 'b']);
    expect(await work.countDocuments({ claimedBy: 'east' })).toBe(2);
  });
});
