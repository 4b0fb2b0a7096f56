/**
 * One run of one job, now, as of another moment: `node apps/host/src/main.ts --run-job invoice-dunning --as-of
 * 2027-02-01T00:00:00Z`. The job sees the clock moved (its `now` starts at `--as-of` and runs on); its lease keeps
 * real time, so a running host's schedulers are neither blocked by it nor take it over.
 */
import type { JobRun } from '@astro/db/system';
import type { JobDefinition, Scheduler } from '@astro/jobs';

/** `--run-job <name> [--as-of <ISO 8601>]`, or null when the host is to run as usual; throws a message a person can act on. */
export function runJobRequest(args: {
  'run-job'?: string;
  'as-of'?: string;
}): { job: string; asOf: Date | null } | null {
  if (args['run-job'] === undefined) {
    if (args['as-of'] !== undefined) throw new Error('--as-of goes with --run-job <job name>.');
    return null;
  }
  if (args['as-of'] === undefined) return { job: args['run-job'], asOf: null };
  const asOf = new Date(args['as-of']);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(args['as-of']) || Number.isNaN(asOf.getTime()))
    throw new Error(`--as-of is a moment in ISO 8601, e.g. 2027-02-01T00:00:00Z; got "${args['as-of']}".`);
  return { job: args['run-job'], asOf };
}

/** Registers jobs with their clock moved to `asOf` (and running on from there); the scheduler keeps its own clock. */
export function shiftedClock(scheduler: Pick<Scheduler, 'register'>, asOf: Date | null): Pick<Scheduler, 'register'> {
  if (asOf === null) return scheduler;
  const offset = asOf.getTime() - Date.now();
  return {
    register: (job: JobDefinition) =>
      scheduler.register({ ...job, run: (ctx) => job.run({ ...ctx, now: () => new Date(Date.now() + offset) }) }),
  };
}

/** What the run did, as one line for whoever started it. */
export const runReport = (run: JobRun, asOf: Date | null) =>
  JSON.stringify({
    job: run.job,
    asOf: asOf?.toISOString() ?? null,
    outcome: run.outcome,
    counts: run.counts ?? null,
    error: run.error ?? null,
  });
