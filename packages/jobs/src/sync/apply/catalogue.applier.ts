/**
 * A launch change from the Operational DB, applied to the launch catalogue in the Customer DB. Everything
 * but the seat counts follows the Operational DB; seatsLeft moves only by a change of capacity, in the same
 * conditional update, so holds taken meanwhile are never lost. A version older than the copy's is ignored.
 */
import { CatalogueLaunch, type CatalogueStatusChange } from '@astro/db/customer';
import type { CatalogueFields } from '@astro/db/operational';
import type { MongoEntityManager } from '@astro/db/system';
import type { ApplyOutcome } from './sync-apply.ts';

/**
 * The launch's fields from a message. Its dates went through JSON on their way here and are strings again;
 * seat counts are dropped whatever the message says, as the Customer DB owns them.
 */
const customerOwned = new Set(['seatsHeld', 'seatsConfirmed', 'seatsLeft', 'holds', 'confirmations', 'updatedAt']);

function fieldsOf(payload: Record<string, unknown>): CatalogueFields {
  const fields = Object.fromEntries(
    Object.entries(payload).filter(([key]) => !customerOwned.has(key)),
  ) as unknown as CatalogueFields;
  return {
    ...fields,
    launchDate: new Date(fields.launchDate),
    statusHistory: fields.statusHistory.map((change: CatalogueStatusChange) => ({
      ...change,
      at: new Date(change.at),
    })),
  };
}

/** The stored shape: the launch's id is the document's `_id`. */
type CatalogueDocument = Omit<CatalogueLaunch, 'id'> & { _id: string };

export async function applyLaunchToCatalogue(
  em: MongoEntityManager,
  payload: Record<string, unknown>,
  now: Date,
): Promise<ApplyOutcome> {
  const { id, ...fields } = fieldsOf(payload);
  const catalogue = em
    .getConnection()
    .getCollection<CatalogueDocument>(em.getMetadata().get(CatalogueLaunch).collection);
  // A few tries: a concurrent apply of another version may win the race, and then this one is re-judged.
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await catalogue.findOne({ _id: id }, { projection: { sourceVersion: 1, capacity: 1 } });
    if (!current) {
      const inserted = await catalogue
        .insertOne({
          _id: id,
          ...fields,
          seatsHeld: 0,
          seatsConfirmed: 0,
          seatsLeft: fields.capacity,
          holds: {},
          confirmations: {},
          updatedAt: now,
        })
        .then(() => true)
        .catch((error: { code?: number }) => {
          if (error.code === 11000) return false;
          throw error;
        });
      if (inserted) return 'applied';
      continue;
    }
    if (current.sourceVersion >= fields.sourceVersion) return 'stale';
    const updated = await catalogue.updateOne(
      { _id: id, sourceVersion: current.sourceVersion, capacity: current.capacity },
      { $set: { ...fields, updatedAt: now }, $inc: { seatsLeft: fields.capacity - current.capacity } },
    );
    if (updated.modifiedCount === 1) return 'applied';
  }
  throw new Error(`The catalogue entry of launch ${id} kept changing while it was being updated`);
}
