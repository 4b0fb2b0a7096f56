import { JobRun, LogEntry, type SystemOrm } from '@astro/db/system';
import type { JobDefinition } from '../scheduler.ts';

const day = 86_400_000;

/**
 * Deletes log records and job runs older than the retention period; the capped log collection bounds its size
 * in between (a job every few seconds records thousands of runs a day).
 */
export function logRetentionJob(system: SystemOrm, retentionDays: number): JobDefinition {
  return {
    name: 'log-retention',
    description: `Deletes log records and job runs older than ${retentionDays} days`,
    schedule: '0 17 3 * * *',
    async run({ now }) {
      const cutoff = new Date(now().getTime() - retentionDays * day);
      const em = system.em.fork();
      const [deleted, jobRuns] = await Promise.all([
        em.nativeDelete(LogEntry, { at: { $lt: cutoff } }),
        em.nativeDelete(JobRun, { startedAt: { $lt: cutoff } }),
      ]);
      return { deleted, jobRuns };
    },
  };
}
