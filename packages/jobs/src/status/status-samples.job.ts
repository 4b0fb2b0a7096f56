/**
 * Checks every component the system depends on every 30 s and keeps the result, so the ops dashboard can show
 * each one's latency over time. It runs as a job, so its lease keeps it to one check per interval however many
 * hosts and scheduler processes run.
 */
import { StatusSample, statusSampleBuckets, type ComponentSample, type SystemOrm } from '@astro/db/system';
import type { JobDefinition } from '../scheduler.ts';

export const statusSampleEverySeconds = 30;

export function statusSamplesJob(
  system: SystemOrm,
  /** Pings each database and the SMTP server, with a deadline (the host's status probes). */
  probe: () => Promise<ComponentSample[]>,
  instance: string,
): JobDefinition {
  return {
    name: 'status-samples',
    description: 'Checks each database and the SMTP server and keeps their latency for the status history',
    schedule: `*/${statusSampleEverySeconds} * * * * *`,
    async run({ log, now, fence }) {
      const components = (await probe()).map(({ component, up, latencyMs, problem }) => ({
        component,
        up,
        latencyMs,
        problem,
      }));
      const down = components.filter((component) => !component.up);
      for (const { component, problem } of down) log.warn(`${component} is down`, { component, problem });
      await fence.assert();
      const em = system.em.fork();
      const at = now();
      em.create(StatusSample, { at, ...statusSampleBuckets(at), instance, components });
      await em.flush();
      return { down: down.length };
    },
  };
}
