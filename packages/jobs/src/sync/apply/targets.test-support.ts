import type { Stores } from '@astro/db';
import { sandboxGateway } from '@astro/payments';
import { relayBookingChanges } from '../booking-relay.job.ts';
import { relayOperationalOutbox } from '../outbox-relay.job.ts';
import { applySyncMessages, type SyncTargets } from './sync-apply.ts';

/** What a scheduler applies messages to, with the sandbox as payment provider. */
export const targetsOf = (stores: Stores): SyncTargets => ({ ...stores, payments: sandboxGateway(stores.system) });

/** Everything the sync jobs do in a few seconds: relay both outboxes, then apply what they recorded. */
export async function settleSync(stores: Stores, clock: () => Date = () => new Date()) {
  await relayOperationalOutbox(stores.operational, stores.system, clock());
  await relayBookingChanges(stores.customer, stores.system, clock());
  return applySyncMessages(targetsOf(stores), 'test-scheduler', clock);
}
