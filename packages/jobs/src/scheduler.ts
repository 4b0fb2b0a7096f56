/** The Job Scheduler: Croner timetables, one run of a job at a time per process, every run recorded. */
import { Cron } from 'croner';
import { JobRun, type SystemOrm } from '@astro/db/system';
import { withCorrelation, type Logger } from '@astro/logging';

export interface JobContext {
  log: Logger;
  now: () => Date;
}

/** What a run did, in numbers an operator can compare between runs ("deleted": 120). */
export type JobCounts = Record<string, number>;

export interface JobDefinition {
  name: string;
  description: string;
  /** A cron pattern with seconds, e.g. `*\/5 * * * * *`. */
  schedule: string;
  run(ctx: JobContext): Promise<JobCounts | void>;
}

export interface JobInfo {
  name: string;
  description: string;
  schedule: string;
  nextRun: Date | null;
  running: boolean;
}

export interface Scheduler {
  register(job: JobDefinition): void;
  start(): void;
  /** Stops the timetables and waits for runs in progress to finish. */
  stop(): Promise<void>;
  runNow(name: string): Promise<JobRun>;
  jobs(): JobInfo[];
}

export function createScheduler(deps: {
  system: SystemOrm;
  log: Logger;
  instance: string;
  now?: () => Date;
}): Scheduler {
  const log = deps.log.child('jobs');
  const now = deps.now ?? (() => new Date());
  const definitions = new Map<string, JobDefinition>();
  const timetables = new Map<string, Cron>();
  const inFlight = new Map<string, Promise<JobRun>>();

  async function execute(job: JobDefinition, trigger: 'schedule' | 'manual'): Promise<JobRun> {
    const em = deps.system.em.fork();
    const run = em.create(JobRun, {
      job: job.name,
      instance: deps.instance,
      trigger,
      startedAt: now(),
      outcome: 'running',
    });
    await em.flush();
    return withCorrelation({ correlationId: `job:${job.name}:${run.id}`, requestId: null }, async () => {
      const started = performance.now();
      try {
        const counts = await job.run({ log: log.child(`jobs.${job.name}`), now });
        run.outcome = 'succeeded';
        run.counts = counts ?? null;
        // Frequent jobs that found nothing to do would drown the log; their runs are still recorded.
        const idle = counts !== undefined && Object.values(counts).every((count) => count === 0);
        if (idle) log.debug(`Job ${job.name} succeeded`, { trigger, counts });
        else log.info(`Job ${job.name} succeeded`, { trigger, counts });
      } catch (error) {
        run.outcome = 'failed';
        run.error = error instanceof Error ? error.message : String(error);
        log.error(`Job ${job.name} failed`, { trigger, error });
      }
      run.finishedAt = now();
      run.durationMs = Math.round(performance.now() - started);
      await em.flush().catch((error: unknown) => log.error(`Could not record the run of job ${job.name}`, { error }));
      return run;
    });
  }

  /** A run that is asked for while one is going joins it instead of overlapping it. */
  function runOnce(job: JobDefinition, trigger: 'schedule' | 'manual'): Promise<JobRun> {
    let pending = inFlight.get(job.name);
    if (!pending) {
      pending = execute(job, trigger).finally(() => inFlight.delete(job.name));
      inFlight.set(job.name, pending);
    }
    return pending;
  }

  return {
    register(job) {
      if (definitions.has(job.name)) throw new Error(`A job named ${job.name} is already registered`);
      definitions.set(job.name, job);
    },
    start() {
      for (const job of definitions.values()) {
        if (timetables.has(job.name)) continue;
        timetables.set(
          job.name,
          new Cron(job.schedule, { name: `astro:${job.name}`, unref: false }, async () => {
            await runOnce(job, 'schedule');
          }),
        );
      }
      log.info('Job Scheduler started', { instance: deps.instance, jobs: [...definitions.keys()] });
    },
    async stop() {
      for (const timetable of timetables.values()) timetable.stop();
      timetables.clear();
      await Promise.allSettled(inFlight.values());
    },
    runNow(name) {
      const job = definitions.get(name);
      if (!job) return Promise.reject(new Error(`There is no job named ${name}`));
      return runOnce(job, 'manual');
    },
    jobs() {
      return [...definitions.values()].map((job) => ({
        name: job.name,
        description: job.description,
        schedule: job.schedule,
        nextRun: timetables.get(job.name)?.nextRun() ?? null,
        running: inFlight.has(job.name),
      }));
    },
  };
}
