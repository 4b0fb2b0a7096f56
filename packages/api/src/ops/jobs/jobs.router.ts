import { ops } from '../trpc.ts';
import { pauseInput, runNowInput } from './jobs.schemas.ts';
import { jobList, pauseJob, requestRun, resumeJob } from './jobs.service.ts';

export const jobsRouter = ops.router({
  /** Every job the scheduler runs: its timetable in words, next and recent runs, who holds it and whether it is paused. */
  list: ops.allow('operator').query(({ ctx }) => jobList(ctx)),
  /** Asks for a run now; whichever scheduler instance picks the request up runs it, one run however many there are. */
  runNow: ops
    .allow('operator')
    .input(runNowInput)
    .mutation(({ ctx, input }) => requestRun(ctx, input)),
  /** Stops the job's timetabled runs on every scheduler instance until it is resumed. */
  pause: ops
    .allow('operator')
    .input(pauseInput)
    .mutation(({ ctx, input }) => pauseJob(ctx, input)),
  resume: ops
    .allow('operator')
    .input(pauseInput)
    .mutation(({ ctx, input }) => resumeJob(ctx, input)),
});
