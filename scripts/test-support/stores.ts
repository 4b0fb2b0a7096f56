/** Each test file gets its own freshly migrated databases on the suite's servers, so files never see each other's data. */
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '@astro/config';
import { openStores, prepareStores, type Stores } from '@astro/db';

declare module 'vitest' {
  /** The URLs of the servers global-setup.ts started for the whole run. */
  export interface ProvidedContext {
    services: { database: string; mongo: string; smtp: string };
  }
}

export interface TestStores {
  config: Config;
  stores: Stores;
  /** Closes the connections and drops the databases. */
  drop(): Promise<void>;
}

/** `mongoUrl` points the two Mongo stores at another server, e.g. one a test stops and starts. */
export async function openTestStores(options: { mongoUrl?: string } = {}): Promise<TestStores> {
  const services = inject('services');
  const id = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: services.database });
  await admin.connect();
  await admin.query(`create database ${id}`);
  const databaseUrl = new URL(services.database);
  databaseUrl.pathname = `/${id}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl.toString(),
    MONGO_URL: options.mongoUrl ?? services.mongo,
    SMTP_URL: services.smtp,
    CUSTOMER_DB_NAME: `${id}_customer`,
    SYSTEM_DB_NAME: `${id}_system`,
    LOG_LEVEL: 'warn',
  });
  const stores = await openStores(config);
  await prepareStores(stores);
  return {
    config,
    stores,
    async drop() {
      await Promise.all([
        stores.customer.em.getConnection().getDb().dropDatabase(),
        stores.system.em.getConnection().getDb().dropDatabase(),
      ]);
      await stores.close();
      await admin.query(`drop database if exists ${id}`);
      await admin.end();
    },
  };
}
