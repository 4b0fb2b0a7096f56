/** The one way a Mongo store is opened, so both stores share FerretDB's limits (MONGODB.md). */
import { MikroORM, defineConfig, type EntityManager } from '@mikro-orm/mongodb';
import type { EntitySchema } from '@mikro-orm/core';
import type { Collection, Document } from 'mongodb';

export type MongoStore = 'customer' | 'system';

declare const store: unique symbol;
/**
 * The entity manager of one Mongo store. To MikroORM both stores are the same MongoDB driver; the brand makes the
 * Customer DB's and the System DB's two types, so passing one where the other belongs fails the type check.
 */
export type StoreEntityManager<Store extends MongoStore> = EntityManager & { readonly [store]: Store };
export type StoreOrm<Store extends MongoStore> = MikroORM<StoreEntityManager<Store>>;

export async function openMongoStore<Store extends MongoStore>(options: {
  url: string;
  dbName: string;
  contextName: Store;
  entities: EntitySchema[];
}): Promise<StoreOrm<Store>> {
  const orm = await MikroORM.init(
    defineConfig({
      clientUrl: options.url,
      dbName: options.dbName,
      contextName: options.contextName,
      entities: options.entities,
      // FerretDB has no multi-document transactions: every write is one atomic document update.
      disableTransactions: true,
      ensureIndexes: false,
      // Command monitoring feeds the host's per-store command counters (commands.ts); without a listener it is idle.
      driverOptions: { serverSelectionTimeoutMS: 3_000, connectTimeoutMS: 3_000, monitorCommands: true },
    }),
  );
  // The brand exists only in types, and this is where a store's ORM gets it: the one store it was opened as.
  return orm as StoreOrm<Store>;
}

/** A document as stored: every entity of ours is keyed by a string `_id`. */
export type StoredDocument = Document & { _id: string };

/** The driver's collection of an entity, for the few conditional updates the ORM cannot express. */
export const collectionOf = <Shape extends Document = StoredDocument>(
  em: StoreEntityManager<MongoStore>,
  entity: { readonly meta: { readonly collection: string } },
): Collection<Shape> => em.getCollection<Shape>(entity.meta.collection);
