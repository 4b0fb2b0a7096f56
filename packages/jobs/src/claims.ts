/**
 * Claiming work in a shared collection so that two workers never take the same item. FerretDB answers a
 * query on other fields by reading the whole collection, so one query finds a batch of candidates and each
 * is then claimed by its primary key; another worker that got there first simply wins that one. A worker
 * whose run lost its lease claims nothing more (its fence throws); what it claimed is guarded by the claim.
 */
import type { Collection, Document, Filter, Sort, WithId } from 'mongodb';
import type { Fence } from './scheduler.ts';

export async function* claimEach<T extends Document = Document>(
  collection: Collection<T>,
  due: Filter<T>,
  options: { sort: Sort; limit: number; claim: () => Partial<T>; fence: Fence },
): AsyncGenerator<WithId<T>> {
  const candidates = await collection
    .find(due, { sort: options.sort, limit: options.limit, projection: { _id: 1 } })
    .toArray();
  for (const { _id } of candidates) {
    await options.fence.assert();
    const claimed = await collection.findOneAndUpdate(
      { ...due, _id },
      { $set: options.claim() },
      { returnDocument: 'after' },
    );
    if (claimed) yield claimed;
  }
}
