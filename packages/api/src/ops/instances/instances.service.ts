import { heartbeatMs, Instance } from '@astro/db/system';
import type { OpsContext } from '../context.ts';

/** Three missed heartbeats: the process died, hangs or was stopped. */
export const goneAfterMs = 3 * heartbeatMs;
/** How long a gone instance stays on the list, so a crash in the night is still seen in the morning. */
const shownGoneForMs = 24 * 60 * 60 * 1000;

/** Every host and scheduler process seen in the last day: alive ones first, then the gone, latest heartbeat first. */
export async function listInstances(ctx: OpsContext) {
  const now = ctx.now().getTime();
  const seen = await ctx.systemDb.find(
    Instance,
    { heartbeatAt: { $gte: new Date(now - shownGoneForMs) } },
    { orderBy: { heartbeatAt: 'desc' } },
  );
  const instances = seen.map((instance) => ({
    name: instance.name,
    kind: instance.kind,
    version: instance.version,
    startedAt: instance.startedAt.toISOString(),
    heartbeatAt: instance.heartbeatAt.toISOString(),
    leases: instance.leases,
    state: now - instance.heartbeatAt.getTime() > goneAfterMs ? ('gone' as const) : ('alive' as const),
  }));
  return {
    instances: [...instances.filter((i) => i.state === 'alive'), ...instances.filter((i) => i.state === 'gone')],
    goneAfterSeconds: goneAfterMs / 1000,
  };
}
