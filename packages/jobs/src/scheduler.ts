/**
 * The Job Scheduler: Croner timetables, every run recorded. A job runs on one instance at a time however many
 * schedulers run: a run first takes the job's lease in the System DB, renews it while it runs and gives it
 * back when done; an instance that dies loses its lease when it lapses, and another takes over.
 */
import { Cron } from 'croner';
import { JobLease, JobRun, type SystemOrm } from '@astro/db/system';
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
  /** Runs a job now, unless another instance is running it (then the run is recorded as `skipped`). */
  runNow(name: string): Promise<JobRun>;
  jobs(): JobInfo[];
}

/** How long a lease lasts without renewal: how soon a dead instance's jobs are taken over. */
export const leaseMs = 30_000;

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
  const inFlight = new Map<string, Promise<JobRun | null>>();

  const leases = () => deps.system.em.getConnection().getCollection(deps.system.getMetadata().get(JobLease).collection);

  /** Takes the job's lease if it is free, lapsed or already ours; false when another instance holds it. */
  async function takeLease(job: string): Promise<boolean> {
    const at = now();
    try {
      const taken = await leases().updateOne(
        { _id: job as never, $or: [{ holder: deps.instance }, { until: { $lt: at } }] },
        { $set: { holder: deps.instance, until: new Date(at.getTime() + leaseMs) } },
        { upsert: true },
      );
      return taken.modifiedCount + taken.upsertedCount === 1;
    } catch (error) {
      // The upsert found the lease held by another instance and tried to create a second one.
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
  const giveBackLease = (job: string) =>
    leases().updateOne({ _id: job as never, holder: deps.instance }, { $set: { until: new Date(0) } });

  async function execute(job: JobDefinition, trigger: 'schedule' | 'manual'): Promise<JobRun | null> {
    const em = deps.system.em.fork();
    if (!(await takeLease(job.name))) {
      if (trigger === 'schedule') return null;
      // An operator who asked for a run is told why nothing happened.
      const skipped = em.create(JobRun, {
        job: job.name,
        instance: deps.instance,
        trigger,
        startedAt: now(),
        finishedAt: now(),
        durationMs: 0,
        outcome: 'skipped',
        error: 'Another scheduler instance is running this job right now.',
      });
      await em.flush();
      return skipped;
    }
    const renewal = setInterval(() => void takeLease(job.name).catch(() => {}), leaseMs / 3);
    try {
      return await record(em, job, trigger);
    } finally {
      clearInterval(renewal);
      await giveBackLease(job.name).catch(() => {});
    }
  }

  async function record(
    em: ReturnType<SystemOrm['em']['fork']>,
    job: JobDefinition,
    trigger: 'schedule' | 'manual',
  ): Promise<JobRun> {
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
  function runOnce(job: JobDefinition, trigger: 'schedule' | 'manual'): Promise<JobRun | null> {
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
      // A scheduled run that found the lease taken joined nothing: ask again, as the operator did.
      return runOnce(job, 'manual').then((run) => run ?? (execute(job, 'manual') as Promise<JobRun>));
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
