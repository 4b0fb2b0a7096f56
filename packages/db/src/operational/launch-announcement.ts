/**
 * Announcing a launch change to the catalogue: the message goes into the Operational DB's outbox in the
 * same transaction as the change (see SyncOutboxMessage), never straight to another store.
 */
import { currentCorrelation } from '@astro/logging';
import { catalogueFieldsOf } from '../catalogue-projection.ts';
import { syncMessageOf } from '../sync/messages.ts';
import { LaunchStatusChange, type Launch } from './launch.entity.ts';
import type { OperationalEntityManager } from './orm.ts';
import { SyncOutboxMessage } from './sync-outbox.entity.ts';

export async function announceLaunchChange(em: OperationalEntityManager, launch: Launch): Promise<void> {
  await em.populate(launch, ['rocket', 'agency']);
  const history = await em.find(LaunchStatusChange, { launch: launch.id }, { orderBy: { changedAt: 'asc' } });
  em.create(SyncOutboxMessage, {
    id: crypto.randomUUID(),
    ...syncMessageOf('catalogue.launch-changed', catalogueFieldsOf(launch, launch.rocket, launch.agency, history)),
    target: 'customer',
    entityType: 'launch',
    entityId: launch.id,
    entityVersion: launch.version,
    correlationId: currentCorrelation()?.correlationId ?? null,
    relayedAt: null,
  });
}

/** A launch that moved through its status machine: the history entry, then the announcement of the new state. */
export async function recordStatusChange(
  em: OperationalEntityManager,
  launch: Launch,
  change: { from: Launch['status'] | null; reason: string | null; launchDate?: Date; changedBy: string },
): Promise<void> {
  em.create(LaunchStatusChange, {
    launch: launch.id,
    fromStatus: change.from,
    toStatus: launch.status,
    reason: change.reason,
    launchDate: change.launchDate ?? null,
    changedBy: change.changedBy,
  });
  await announceLaunchChange(em, launch);
}
