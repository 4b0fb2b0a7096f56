import type { Stores } from '@astro/db';
import type { TestStores } from '../../../../../scripts/test-support/stores.ts';
import type { CatalogueLaunch } from '@astro/db/customer';
import { sandboxGateway } from '@astro/payments';
import { relayBookingChanges } from '../booking-relay.job.ts';
import { relayOperationalOutbox } from '../outbox-relay.job.ts';
import type { NewSyncMessage } from '../record-messages.ts';
import { applySyncMessages, type SyncTargets } from './sync-apply.ts';

/** What a scheduler applies messages to, with the sandbox as payment provider. */
export const targetsOf = (stores: Stores): SyncTargets => ({ ...stores, payments: sandboxGateway(stores.system) });

/** The environment of a scheduler run as a child process (which a test then kills) on the test's databases. */
export const schedulerEnv = (world: TestStores, extra: Record<string, string> = {}) => ({
  ...process.env,
  DATABASE_URL: world.config.databaseUrl,
  MONGO_URL: world.config.customerMongoUrl,
  CUSTOMER_DB_NAME: world.config.customerDbName,
  SYSTEM_DB_NAME: world.config.systemDbName,
  SMTP_URL: world.config.smtpUrl,
  ...extra,
});

/** Everything the sync jobs do in a few seconds: relay both outboxes, then apply what they recorded. */
export async function settleSync(stores: Stores, clock: () => Date = () => new Date()) {
  await relayOperationalOutbox(stores.operational, stores.system, clock());
  await relayBookingChanges(stores.customer, stores.system, clock());
  return applySyncMessages(targetsOf(stores), 'test-scheduler', clock);
}

/** A message waiting in the System DB to be applied, as the relays record it. */
export const pendingMessage = (message: Omit<NewSyncMessage, 'id' | 'correlationId' | 'createdAt'>, at: Date) => ({
  _id: crypto.randomUUID() as never,
  ...message,
  status: 'pending',
  attempts: 0,
  availableAt: at,
  claimedBy: null,
  claimedUntil: null,
  createdAt: at,
});

/** A launch edit as the Operational DB sends it: the catalogue copy renamed, at `version`, waiting to apply. */
export const launchEditMessage = (launch: CatalogueLaunch, version: number, missionName: string, at: Date) =>
  pendingMessage(
    {
      kind: 'catalogue.launch-changed',
      source: 'operational',
      target: 'customer',
      entityType: 'launch',
      entityId: launch.id,
      entityVersion: version,
      payload: { ...launch, id: launch.id, missionName, sourceVersion: version },
    },
    at,
  );
