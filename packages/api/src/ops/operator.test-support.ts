/** The ops router as the API tests call it: an operator, on a test's System DB, at a fixed time. */
import { SyncMessage, type SystemEntityManager } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../personas.test-support.ts';
import { createOpsContext, type OpsContext } from './context.ts';
import { createLogTail } from './logs/tail/log-tail.ts';
import { opsRouter } from './router.ts';

export const operatorCaller = (
  world: TestStores,
  now: Date,
  { publicUrl = 'http://localhost', registeredJobs }: Partial<Pick<OpsContext, 'publicUrl' | 'registeredJobs'>> = {},
) =>
  opsRouter.createCaller(
    createOpsContext({
      system: world.stores.system,
      log: createLogger({ service: 'test', level: 'error', write: () => {} }),
      viewer: viewerAs('operator'),
      probeComponents: async () => [],
      publicUrl,
      registeredJobs,
      logTail: createLogTail(world.stores.system),
      now: () => now,
    }),
  );

/** A sync message in a given state, as the ops pages count it (a dead one gave up after 8 attempts); `fields` set the rest. */
export const syncMessage = (
  em: SystemEntityManager,
  message: { status: 'pending' | 'applied' | 'dead'; createdAt: Date; appliedAt?: Date; kind?: string } & Partial<
    Pick<SyncMessage, 'entityId' | 'entityVersion' | 'attempts' | 'lastError' | 'availableAt' | 'payload'>
  >,
) => {
  const { status, createdAt, appliedAt, kind, ...fields } = message;
  return em.create(SyncMessage, {
    id: crypto.randomUUID(),
    kind: kind ?? 'catalogue.launch-changed',
    source: 'operational',
    target: 'customer',
    entityType: 'launch',
    entityId: crypto.randomUUID(),
    entityVersion: 1,
    payload: {},
    status,
    attempts: status === 'dead' ? 8 : 1,
    availableAt: createdAt,
    claimedBy: null,
    claimedUntil: null,
    lastError: status === 'dead' ? 'Customer DB refused the update' : null,
    correlationId: null,
    createdAt,
    appliedAt: appliedAt ?? null,
    ...fields,
  });
};
