import { LogEntry, type SystemOrm } from '@astro/db/system';
import type { JobDefinition } from '../scheduler.ts';

const day = 86_400_000;

/** Deletes log records older than the retention period; the capped collection bounds the size in between. */
export function logRetentionJob(system: SystemOrm, retentionDays: number): JobDefinition {
  return {
    name: 'log-retention',
    description: `Deletes log records older than ${retentionDays} days`,
    schedule: '0 17 3 * * *',
    async run({ now }) {
      const cutoff = new Date(now().getTime() - retentionDays * day);
      const deleted = await system.em.fork().nativeDelete(LogEntry, { at: { $lt: cutoff } });
      return { deleted };
    },
  };
}
