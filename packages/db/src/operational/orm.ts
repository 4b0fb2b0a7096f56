import { fileURLToPath } from 'node:url';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Agency } from './agency.entity.ts';
import { AuditEntry } from './audit-entry.entity.ts';
import { BookingCopy, BookingLedgerEntry, BookingStatusEntry } from './booking-copy.entity.ts';
import { Employee } from './employee.entity.ts';
import { Launch, LaunchStatusChange } from './launch.entity.ts';
import { Rocket } from './rocket.entity.ts';
import { SyncOutboxMessage } from './sync-outbox.entity.ts';
import { AgencyPayment, CreditNote, DocumentCounter, Invoice, InvoiceReminder } from './invoice.entity.ts';

export type OperationalOrm = MikroORM;
export type { EntityManager as OperationalEntityManager } from '@mikro-orm/postgresql';

export function operationalConfig(url: string) {
  return defineConfig({
    clientUrl: url,
    contextName: 'operational',
    entities: [
      Agency,
      Rocket,
      Launch,
      LaunchStatusChange,
      Employee,
      BookingCopy,
      BookingLedgerEntry,
      BookingStatusEntry,
      SyncOutboxMessage,
      AuditEntry,
      Invoice,
      CreditNote,
      AgencyPayment,
      InvoiceReminder,
      DocumentCounter,
    ],
    extensions: [Migrator],
    migrations: {
      path: fileURLToPath(new URL('./migrations', import.meta.url)),
      glob: '!(*.d).ts',
      emit: 'ts',
      silent: true,
      snapshotOnMigrate: false,
      snapshotName: '.snapshot',
    },
    // Keep a stalled database from stalling every request: fail fast and let /readyz report it.
    pool: { min: 0, max: 10, idleTimeoutMillis: 30_000 },
    driverOptions: { connectionTimeoutMillis: 3_000 },
  });
}

export async function openOperationalDb(url: string): Promise<OperationalOrm> {
  return MikroORM.init(operationalConfig(url));
}

export async function migrateOperationalDb(orm: OperationalOrm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
