/**
 * Announcing a launch change to the catalogue: the message goes into the Operational DB's outbox in the
 * same transaction as the change (see SyncOutboxMessage), never straight to another store.
 */
import {
  catalogueFieldsOf,
  LaunchStatusChange,
  SyncOutboxMessage,
  type Launch,
  type OperationalEntityManager,
} from '@astro/db/operational';
import { currentCorrelation } from '@astro/logging';

export async function announceLaunchChange(em: OperationalEntityManager, launch: Launch): Promise<void> {
  await em.populate(launch, ['rocket', 'agency']);
  const history = await em.find(LaunchStatusChange, { launch: launch.id }, { orderBy: { changedAt: 'asc' } });
  em.create(SyncOutboxMessage, {
    id: crypto.randomUUID(),
    kind: 'catalogue.launch-changed',
    target: 'customer',
    entityType: 'launch',
    entityId: launch.id,
    entityVersion: launch.version,
    payload: catalogueFieldsOf(launch, launch.rocket, launch.agency, history) as unknown as Record<string, unknown>,
    correlationId: currentCorrelation()?.correlationId ?? null,
    relayedAt: null,
  });
}
