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

export async function pauseJob(ctx: OpsContext, input: PauseInput) {
  const job = registered(ctx, input.job);
  const at = ctx.now();
  const reason = input.reason || null;
  // Only a running job is paused, so two operators pausing at once leave one entry and the first one's reason.
  const result = await jobControlCollection(ctx.systemDb)
    .updateOne(
      { _id: job.name, pausedAt: { $in: [null] } },
      { $set: { pausedAt: at, pausedBy: ctx.viewer!.email, pauseReason: reason } },
      { upsert: true },
    )
    .catch((error: { code?: number }) => {
      if (error.code === 11000) return { upsertedCount: 0, modifiedCount: 0 };
      throw error;
    });
  if (result.upsertedCount + result.modifiedCount === 0) {
    throw new TRPCError({ code: 'CONFLICT', message: `${job.name} is paused already.` });
  }
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: 'job.pause',
      target: { type: 'job', id: job.name },
      before: { paused: false },
      after: { paused: true },
      reason,
    },
    at,
  );
  ctx.log.info('Job paused', { job: job.name, by: ctx.viewer!.email, reason });
  return { paused: true };
}

export async function resumeJob(ctx: OpsContext, input: PauseInput) {
  const job = registered(ctx, input.job);
  const at = ctx.now();
  const reason = input.reason || null;
  const result = await jobControlCollection(ctx.systemDb).updateOne(
    { _id: job.name, pausedAt: { $ne: null } },
    { $set: { pausedAt: null, pausedBy: null, pauseReason: null } },
  );
  if (result.modifiedCount === 0) throw new TRPCError({ code: 'CONFLICT', message: `${job.name} is not paused.` });
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: 'job.resume',
      target: { type: 'job', id: job.name },
      before: { paused: true },
      after: { paused: false },
      reason,
    },
    at,
  );
  ctx.log.info('Job resumed', { job: job.name, by: ctx.viewer!.email, reason });
  return { paused: false };
}
