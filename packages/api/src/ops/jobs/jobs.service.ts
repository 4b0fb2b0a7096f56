import cronstrue from 'cronstrue';
import { jobControlCollection, jobLeaseCollection, JobRun, recordOperatorAudit } from '@astro/db/system';
import { auditActorOf } from '../../access.ts';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext, RegisteredJob } from '../context.ts';
import type { PauseInput, RunNowInput } from './jobs.schemas.ts';

/** How many recent runs the page shows per job. */
const historyLength = 10;

/** A cron pattern in words ("Every 5 seconds"); the pattern itself when it has none. */
export function scheduleInWords(schedule: string): string {
  try {
    return cronstrue.toString(schedule, { use24HourTimeFormat: true, verbose: false });
  } catch {
    return schedule;
  }
}

export async function jobList(ctx: OpsContext) {
  const registered = ctx.registeredJobs();
  const names = registered.map((job) => job.name);
  const now = ctx.now();
  const [controls, leases, runs] = await Promise.all([
    jobControlCollection(ctx.systemDb)
      .find({ _id: { $in: names } })
      .toArray(),
    jobLeaseCollection(ctx.systemDb)
      .find({ _id: { $in: names }, until: { $gt: now } })
      .toArray(),
    Promise.all(
      names.map((job) => ctx.systemDb.find(JobRun, { job }, { orderBy: { startedAt: 'desc' }, limit: historyLength })),
    ),
  ]);
  return registered.map((job, index) => {
    const control = controls.find((found) => found._id === job.name);
    return {
      name: job.name,
      description: job.description,
      schedule: job.schedule,
      scheduleInWords: scheduleInWords(job.schedule),
      nextRun: job.nextRun?.toISOString() ?? null,
      paused: control?.pausedAt
        ? { at: control.pausedAt.toISOString(), by: control.pausedBy ?? null, reason: control.pauseReason ?? null }
        : null,
      runRequested: Boolean(control?.runRequestedAt),
      leaseHolder: leases.find((lease) => lease._id === job.name)?.holder ?? null,
      runs: runs[index]!.map((run) => ({
        id: run.id,
        instance: run.instance,
        trigger: run.trigger,
        startedAt: run.startedAt.toISOString(),
        durationMs: run.durationMs ?? null,
        outcome: run.outcome,
        error: run.error ?? null,
      })),
    };
  });
}

function registered(ctx: OpsContext, job: string): RegisteredJob {
  const found = ctx.registeredJobs().find((candidate) => candidate.name === job);
  if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: `The scheduler runs no job named ${job}.` });
  return found;
}

export async function requestRun(ctx: OpsContext, input: RunNowInput) {
  const job = registered(ctx, input.job);
  const at = ctx.now();
  // Stored, not run here: the scheduler may run in another process, and the first instance to take it runs it.
  await jobControlCollection(ctx.systemDb).updateOne(
    { _id: job.name },
    { $set: { runRequestedAt: at } },
    { upsert: true },
  );
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: 'job.runNow',
      target: { type: 'job', id: job.name },
      before: null,
      after: { runRequestedAt: at.toISOString() },
    },
    at,
  );
  ctx.log.info('Job run asked for', { job: job.name, by: ctx.viewer!.email });
  return { requested: true };
}

/** Pauses or resumes a job, only from the other state, so fifty operators at once leave one change and one entry. */
async function setPaused(ctx: OpsContext, input: PauseInput, paused: boolean) {
  const job = registered(ctx, input.job);
  const at = ctx.now();
  const reason = input.reason || null;
  const changed = await jobControlCollection(ctx.systemDb)
    .updateOne(
      paused ? { _id: job.name, pausedAt: { $in: [null] } } : { _id: job.name, pausedAt: { $ne: null } },
      paused
        ? { $set: { pausedAt: at, pausedBy: ctx.viewer!.email, pauseReason: reason } }
        : { $set: { pausedAt: null, pausedBy: null, pauseReason: null } },
      // The first pause of a job creates its control; a second at once finds it created (11000) and changes nothing.
      { upsert: paused },
    )
    .then((result) => result.upsertedCount + result.modifiedCount > 0)
    .catch((error: { code?: number }) => {
      if (error.code === 11000) return false;
      throw error;
    });
  if (!changed) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: paused ? `${job.name} is paused already.` : `${job.name} is not paused.`,
    });
  }
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: paused ? 'job.pause' : 'job.resume',
      target: { type: 'job', id: job.name },
      before: { paused: !paused },
      after: { paused },
      reason,
    },
    at,
  );
  ctx.log.info(paused ? 'Job paused' : 'Job resumed', { job: job.name, by: ctx.viewer!.email, reason });
  return { paused };
}

export const pauseJob = (ctx: OpsContext, input: PauseInput) => setPaused(ctx, input, true);
export const resumeJob = (ctx: OpsContext, input: PauseInput) => setPaused(ctx, input, false);
