import { JobRun, type SystemEntityManager } from '@astro/db/system';
import type { OpsContext } from '../context.ts';
import { emailCounts } from '../email/email.service.ts';
import { backlogByKind, syncMetrics } from '../sync/sync.service.ts';

const hourMs = 60 * 60 * 1000;

/**
 * The numbers an alerting tool polls (SPEC.md §8): the same ones the sync and e-mail pages and the job runs
 * show, in one call, so a rule like "backlog above 1000" or "any job failed in the last hour" needs no scraping of pages.
 */
export async function opsStats(ctx: OpsContext) {
  const now = ctx.now();
  const [sync, byKind, email, jobFailures] = await Promise.all([
    syncMetrics(ctx.systemDb, now),
    backlogByKind(ctx.systemDb),
    emailCounts(ctx.systemDb),
    jobFailuresSince(ctx.systemDb, new Date(now.getTime() - hourMs)),
  ]);
  return {
    at: now.toISOString(),
    sync: { ...sync, backlogByKind: byKind },
    email,
    jobs: { failuresLastHour: jobFailures.reduce((sum, job) => sum + job.failures, 0), failedJobs: jobFailures },
  };
}

/** Failed runs started since a time, per job, with the latest one's error. */
async function jobFailuresSince(em: SystemEntityManager, since: Date) {
  const failed = await em.find(
    JobRun,
    { outcome: 'failed', startedAt: { $gte: since } },
    { orderBy: { startedAt: 'desc' }, fields: ['job', 'startedAt', 'error'] },
  );
  const byJob = new Map<string, { job: string; failures: number; lastFailedAt: string; lastError: string | null }>();
  for (const run of failed) {
    const seen = byJob.get(run.job);
    if (seen) seen.failures++;
    else
      byJob.set(run.job, {
        job: run.job,
        failures: 1,
        lastFailedAt: run.startedAt.toISOString(),
        lastError: run.error ?? null,
      });
  }
  return [...byJob.values()];
}
