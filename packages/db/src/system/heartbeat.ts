import { Instance, type InstanceKind } from './instance.entity.ts';
import { jobLeaseCollection } from './collections.ts';
import type { SystemOrm } from './orm.ts';

/** How often a process says it is alive. */
export const heartbeatMs = 5_000;

/**
 * Writes this process's heartbeat to the System DB now and every `heartbeatMs`: what it is, since when, and the
 * job leases it holds. A write that fails (the System DB is down) is retried at the next beat.
 */
export function startHeartbeat(deps: {
  system: SystemOrm;
  instance: string;
  kind: InstanceKind;
  version: string;
  startedAt: Date;
  now?: () => Date;
  everyMs?: number;
  onError?: (error: unknown) => void;
}): { beat(): Promise<void>; stop(): void } {
  const now = deps.now ?? (() => new Date());
  const beat = async () => {
    const at = now();
    const held = await jobLeaseCollection(deps.system.em)
      .find({ holder: deps.instance, until: { $gt: at } }, { projection: { _id: 1 } })
      .toArray();
    await deps.system.em.fork().upsert(Instance, {
      name: deps.instance,
      kind: deps.kind,
      version: deps.version,
      startedAt: deps.startedAt,
      heartbeatAt: at,
      leases: held.map((lease) => lease._id).sort(),
    });
  };
  const beatSafely = () => beat().catch((error: unknown) => deps.onError?.(error));
  void beatSafely();
  const timer = setInterval(beatSafely, deps.everyMs ?? heartbeatMs);
  timer.unref();
  return { beat, stop: () => clearInterval(timer) };
}
