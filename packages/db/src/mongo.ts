/** The one way a Mongo store is opened, so both stores share FerretDB's limits (MONGODB.md). */
import { MikroORM, defineConfig, type EntityManager } from '@mikro-orm/mongodb';
import type { EntitySchema } from '@mikro-orm/core';

export type MongoOrm = MikroORM;
export type MongoEntityManager = EntityManager;

export async function openMongoStore(options: {
  url: string;
  dbName: string;
  contextName: string;
  entities: EntitySchema[];
}): Promise<MongoOrm> {
  const orm = await MikroORM.init(
    defineConfig({
      clientUrl: options.url,
      dbName: options.dbName,
      contextName: options.contextName,
      entities: options.entities,
      // FerretDB has no multi-document transactions: every write is one atomic document update.
      disableTransactions: true,
      ensureIndexes: false,
      driverOptions: { serverSelectionTimeoutMS: 3_000, connectTimeoutMS: 3_000 },
    }),
  );
  return orm;
}
