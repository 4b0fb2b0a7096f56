/** Opens, prepares and pings the three stores. Only composition code (the host, the jobs, scripts) uses all three. */
import type { Config } from '@astro/config';
import { openCustomerDb, type CustomerOrm } from './customer/orm.ts';
import { migrateOperationalDb, openOperationalDb, type OperationalOrm } from './operational/orm.ts';
import { openSystemDb, type SystemOrm } from './system/orm.ts';
import { LogEntry } from './system/log-entry.entity.ts';
import { completeBookingHistories } from './customer/booking-history.ts';

export interface Stores {
  operational: OperationalOrm;
  customer: CustomerOrm;
  system: SystemOrm;
  close(): Promise<void>;
}

export async function openStores(config: Config): Promise<Stores> {
  const [operational, customer, system] = await Promise.all([
    openOperationalDb(config.databaseUrl),
    openCustomerDb(config.customerMongoUrl, config.customerDbName),
    openSystemDb(config.systemMongoUrl, config.systemDbName),
  ]);
  return {
    operational,
    customer,
    system,
    async close() {
      await Promise.all([operational.close(), customer.close(), system.close()]);
    },
  };
}

/** The log collection is capped so that logs can never fill the disk (FerretDB has no TTL indexes). */
const logCollectionBytes = 256 * 1024 * 1024;

/**
 * Brings every store's schema up to date: PostgreSQL migrations, Mongo collections and indexes; and gives bookings
 * made before their status history was kept one rebuilt from their records, which replays each to its copy.
 */
export async function prepareStores(stores: Stores): Promise<{ migrations: string[]; bookingsReplayed: number }> {
  const migrations = await migrateOperationalDb(stores.operational);
  const systemDb = stores.system.em.getConnection().getDb();
  const logs = stores.system.getMetadata().get(LogEntry).collection;
  const existing = await systemDb.listCollections({ name: logs }).toArray();
  if (existing.length === 0) {
    await systemDb.createCollection(logs, { capped: true, size: logCollectionBytes });
  }
  await Promise.all([stores.customer.schema.ensureIndexes(), stores.system.schema.ensureIndexes()]);
  const bookingsReplayed = await completeBookingHistories(stores.customer.em.fork(), new Date());
  return { migrations, bookingsReplayed };
}

/** Migrations this code expects that the Operational DB has not run yet. */
export async function pendingMigrations(stores: Stores): Promise<string[]> {
  const pending = await stores.operational.migrator.getPending();
  return pending.map((migration) => migration.name);
}

export async function pingOperational(orm: OperationalOrm): Promise<void> {
  await orm.em.getConnection().execute('select 1');
}

export async function pingMongo(orm: CustomerOrm | SystemOrm): Promise<void> {
  await orm.em.getConnection().getDb().command({ ping: 1 });
}
