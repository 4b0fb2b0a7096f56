import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

/** `skipped`: another scheduler instance held the job's lease, so this one did not run it. */
export const jobOutcomes = ['running', 'succeeded', 'failed', 'skipped'] as const;
export type JobOutcome = (typeof jobOutcomes)[number];

/** One run of a scheduled job on one scheduler instance. */
export const JobRun = defineEntity({
  name: 'JobRun',
  collection: 'job_runs',
  indexes: [{ properties: ['job', 'startedAt'] }, { properties: ['startedAt'] }],
  properties: {
    id: documentKey(),
    job: p.string(),
    instance: p.string(),
    trigger: p.enum(['schedule', 'manual'] as const),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    durationMs: p.integer().nullable(),
    outcome: p.enum(jobOutcomes),
    counts: p.json<Record<string, number>>().nullable(),
    error: p.text().nullable(),
    /** The fencing token of the lease the run held: a takeover ends the runs of older tokens. */
    leaseToken: p.integer().nullable(),
  },
});
export type JobRun = InferEntity<typeof JobRun>;

/**
 * Which scheduler instance may run a job right now. Taken with one conditional write, renewed while the job
 * runs, and free for the taking once `until` has passed (its holder died or finished). Every taking raises
 * `token`, so a holder that was taken over (it stalled past `until`) finds its token gone and writes nothing more.
 */
export const JobLease = defineEntity({
  name: 'JobLease',
  collection: 'job_leases',
  properties: {
    /** The job's name. */
    job: p.string().primary().fieldName('_id'),
    holder: p.string(),
    until: p.datetime(),
    /** The fencing token: how many times the lease has been taken. */
    token: p.integer(),
  },
});
export type JobLease = InferEntity<typeof JobLease>;

/**
 * What operators asked of a job, for every scheduler instance to honour: a paused job's timetabled runs are not
 * started, and a run asked for is started by the first instance that picks the request up (its lease keeps it to one).
 */
export const JobControl = defineEntity({
  name: 'JobControl',
  collection: 'job_controls',
  properties: {
    /** The job's name. */
    job: p.string().primary().fieldName('_id'),
    pausedAt: p.datetime().nullable(),
    pausedBy: p.string().nullable(),
    pauseReason: p.string().nullable(),
    runRequestedAt: p.datetime().nullable(),
  },
});
export type JobControl = InferEntity<typeof JobControl>;
