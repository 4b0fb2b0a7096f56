/**
 * Claiming work in a shared collection in batches, so that two workers never take the same item. FerretDB answers a
 * query on other fields by reading every document it may match, and lets one write command through at a time: so
 * one query finds the candidates, and each batch of them is claimed in one bulk write of conditional updates by
 * primary key (each found at once), all tagged with a token of that claim alone; the items the worker won are read
 * back by the token, and another worker that got there first keeps what it took. A worker whose run lost its lease
 * claims nothing more (its fence throws before each batch); what it claimed is guarded by the claim, which lapses at
 * `claimedUntil`, so that a worker that died between claiming and settling leaves its items to be taken again.
 */
import { randomUUID } from 'node:crypto';
import type { Collection, Document, Filter, Sort, WithId } from 'mongodb';
import type { Fence } from './scheduler.ts';

/**
 * An item keyed by a string `_id`; its claim lives in `claimedBy`, which holds the token of the claim (starting with
 * the holder's name), and `claimedUntil`.
 */
export type Claimable = Document & { _id: string };

/** A batch this worker won, in the candidates' order, and the token that settles it. */
export interface Claim<T> {
  token: string;
  items: WithId<T>[];
}

/** The claim fields are the same in every claimable collection, whatever else its documents hold. */
const untyped = <T extends Claimable>(collection: Collection<T>) => collection as unknown as Collection<Claimable>;

/** Pending items due at `at` that no claim holds, or whose claim has lapsed. */
export const dueAt = (at: Date): Filter<Claimable> => ({
  status: 'pending',
  availableAt: { $lte: at },
  $or: [{ claimedUntil: null }, { claimedUntil: { $lt: at } }],
});

export async function* claimBatches<T extends Claimable>(
  collection: Collection<T>,
  due: Filter<Claimable>,
  options: {
    sort: Sort;
    /** Candidates looked at in one call. */
    limit: number;
    /** Claimed (and then settled) at once. */
    batch: number;
    holder: string;
    claimMs: number;
    clock: () => Date;
    fence: Fence;
  },
): AsyncGenerator<Claim<T>> {
  const candidates = await untyped(collection)
    .find(due, { sort: options.sort, limit: options.limit, projection: { _id: 1 } })
    .toArray();
  for (let start = 0; start < candidates.length; start += options.batch) {
    await options.fence.assert();
    const ids = candidates.slice(start, start + options.batch).map(({ _id }) => _id);
    const token = `${options.holder} ${randomUUID()}`;
    const claim = { claimedBy: token, claimedUntil: new Date(options.clock().getTime() + options.claimMs) };
    await untyped(collection).bulkWrite(
      ids.map((_id) => ({ updateOne: { filter: { ...due, _id }, update: { $set: claim } } })),
    );
    const won = (await untyped(collection)
      .find({ _id: { $in: ids }, claimedBy: token })
      .toArray()) as WithId<T>[];
    const order = new Map(ids.map((id, index) => [id, index]));
    won.sort((a, b) => order.get(a._id)! - order.get(b._id)!);
    if (won.length > 0) yield { token, items: won };
  }
}

/**
 * Ends a batch's claims in one bulk write, each item with what its worker made of it; an item whose claim lapsed and
 * was taken over meanwhile is left to its new holder.
 */
export async function settleClaims<T extends Claimable>(
  collection: Collection<T>,
  token: string,
  settlements: { id: string; set: Record<string, unknown> }[],
): Promise<void> {
  if (settlements.length === 0) return;
  await untyped(collection).bulkWrite(
    settlements.map(({ id, set }) => ({
      updateOne: {
        filter: { _id: id, claimedBy: token },
        update: { $set: { ...set, claimedBy: null, claimedUntil: null } },
      },
    })),
  );
}
