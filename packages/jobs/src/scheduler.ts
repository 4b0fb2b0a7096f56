/**
 * The Job Scheduler: Croner timetables, every run recorded. A job runs on one instance at a time however many
 * schedulers run: a run first takes the job's lease in the System DB, renews it while it runs and gives it
 * back when done; an instance that dies or stalls loses its lease when it lapses, and another takes over.
 * Every taking of a lease raises its fencing token, and a run only writes while its token is the lease's: a
 * run taken over (or unable to renew) is stopped by its fence before its next write, and its result is not
 * recorded over the takeover's.
 */
import { Cron } from 'croner';
import { jobControlCollection, jobLeaseCollection, JobRun, type Fence, type SystemOrm } from '@astro/db/system';
import { withCorrelation, type Logger } from '@astro/logging';

/** A run's lease was taken over, or could not be renewed before it lapsed: the run must write nothing more. */
export class LeaseLost extends Error {
  override name = 'LeaseLost';
}

export { unfenced, type Fence } from '@astro/db/system';

export interface JobContext {
  log: Logger;
  now: () => Date;
  fence: Fence;
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

/** How long a lease lasts without renewal: how soon a dead or stalled instance's jobs are taken over. */
export const leaseMs = 30_000;

export function createScheduler(deps: {
  system: SystemOrm;
  log: Logger;
  instance: string;
  now?: () => Date;
  /** `leaseMs` unless a test needs takeovers sooner. */
  leaseMs?: number;
  /** How often a started scheduler looks for runs operators asked for (in any process). */
  requestPollMs?: number;
}): Scheduler {
  const log = deps.log.child('jobs');
  const now = deps.now ?? (() => new Date());
  const leaseFor = deps.leaseMs ?? leaseMs;
  const definitions = new Map<string, JobDefinition>();
  const timetables = new Map<string, Cron>();
  const inFlight = new Map<string, Promise<JobRun | null>>();

  const leases = () => jobLeaseCollection(deps.system.em);
  const controls = () => jobControlCollection(deps.system.em);
  let requestPoll: ReturnType<typeof setInterval> | null = null;

  /** Starts the runs operators asked for; taking the request clears it, so each is started by one instance. */
  async function takeRunRequests(): Promise<void> {
    for (;;) {
      const request = await controls().findOneAndUpdate(
        { _id: { $in: [...definitions.keys()] }, runRequestedAt: { $ne: null } },
        { $set: { runRequestedAt: null } },
      );
      if (!request) return;
      log.info(`Job ${request._id}: run asked for by an operator`);
      void runNow(request._id).catch((error: unknown) =>
        log.error(`Job ${request._id}: the run asked for could not start`, { error }),
      );
    }
  }

  /** Takes the job's lease if it is free or lapsed, with a new fencing token; null when another instance holds it. */
  async function takeLease(job: string): Promise<number | null> {
    const at = now();
    let before;
    try {
      before = await leases().findOneAndUpdate(
        { _id: job, until: { $lt: at } },
        { $set: { holder: deps.instance, until: new Date(at.getTime() + leaseFor) }, $inc: { token: 1 } },
        { upsert: true, returnDocument: 'before' },
      );
    } catch (error) {
      // The upsert found the lease held by another instance and tried to create a second one.
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
    const token = (before?.token ?? 0) + 1;
    // A lease given back has `until` at 0; one that lapsed was taken from a holder that died or stalled.
    if (before && before.until.getTime() > 0) {
      await deps.system.em.fork().nativeUpdate(
        JobRun,
        { job, outcome: 'running', leaseToken: { $lt: token } },
        {
          outcome: 'failed',
          finishedAt: at,
          error: `Its scheduler instance (${before.holder}) lost the lease; ${deps.instance} took the job over.`,
        },
      );
      log.warn(`Job ${job}: took over the lapsed lease of ${before.holder}`, { token });
    }
    return token;
  }

  /** Renews a held lease while its run goes on, and fires the run's fence when the lease is gone. */
  function holdLease(job: string, token: number): Fence & { release(): Promise<void> } {
    const lost = new AbortController();
    let renewedAt = performance.now();
    let renewing: Promise<void> | null = null;
    const lose = (reason: string) => {
      if (lost.signal.aborted) return;
      log.warn(`Job ${job} stops: ${reason}`, { token });
      lost.abort(new LeaseLost(`Job ${job} stopped: ${reason}`));
    };
    const lapsed = () => {
      if (performance.now() - renewedAt > leaseFor) lose(`its lease was not renewed for ${leaseFor / 1000} s`);
    };
    const renew = () =>
      (renewing ??= (async () => {
        const askedAt = performance.now();
        try {
          const renewed = await leases().updateOne(
            { _id: job, holder: deps.instance, token },
            { $set: { until: new Date(now().getTime() + leaseFor) } },
          );
          if (renewed.matchedCount === 0) lose('another scheduler instance took its lease over');
          else renewedAt = askedAt;
        } catch (error) {
          // A renewal that fails now may succeed at the next tick; a lease left unrenewed too long lapses.
          log.debug(`Job ${job}: could not renew its lease`, { error });
          lapsed();
        } finally {
          renewing = null;
        }
      })());
    const renewal = setInterval(() => {
      lapsed();
      if (!lost.signal.aborted) void renew();
    }, leaseFor / 3);
    const gone = new Promise<never>((_resolve, reject) =>
      lost.signal.addEventListener('abort', () => reject(lost.signal.reason as Error), { once: true }),
    );
    gone.catch(() => {});
    return {
      signal: lost.signal,
      async assert() {
        lapsed();
        lost.signal.throwIfAborted();
        // Past half the lease the run may have been paused long enough to be taken over: ask the System DB.
        if (performance.now() - renewedAt > leaseFor / 2) await Promise.race([renew(), gone]);
        lost.signal.throwIfAborted();
      },
      async release() {
        clearInterval(renewal);
        // A lost lease is no longer ours to give back (and its System DB may be the reason it was lost).
        if (lost.signal.aborted) return;
        await leases()
          .updateOne({ _id: job, holder: deps.instance, token }, { $set: { until: new Date(0) } })
          .catch(() => {});
      },
    };
  }

  async function execute(job: JobDefinition, trigger: 'schedule' | 'manual'): Promise<JobRun | null> {
    const em = deps.system.em.fork();
    // Checked before the lease, so a paused job's timetable takes nothing from an instance that runs it by hand.
    if (trigger === 'schedule' && (await controls().countDocuments({ _id: job.name, pausedAt: { $ne: null } })) > 0) {
      log.debug(`Job ${job.name} is paused; its timetabled run is not started`);
      return null;
    }
    const token = await takeLease(job.name);
    if (token === null) {
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
        leaseToken: null,
      });
      await em.flush();
      return skipped;
    }
    const lease = holdLease(job.name, token);
    try {
      return await record(em, job, trigger, lease, token);
    } finally {
      await lease.release();
    }
  }

  async function record(
    em: ReturnType<SystemOrm['em']['fork']>,
    job: JobDefinition,
    trigger: 'schedule' | 'manual',
    fence: Fence,
    token: number,
  ): Promise<JobRun> {
    const run = em.create(JobRun, {
      job: job.name,
      instance: deps.instance,
      trigger,
      startedAt: now(),
      outcome: 'running',
      leaseToken: token,
    });
    await em.flush();
    return withCorrelation({ correlationId: `job:${job.name}:${run.id}`, requestId: null }, async () => {
      const started = performance.now();
      let result: Pick<JobRun, 'outcome' | 'counts' | 'error'>;
      try {
        const counts = await job.run({ log: log.child(`jobs.${job.name}`), now, fence });
        result = { outcome: 'succeeded', counts: counts ?? null, error: null };
        // Frequent jobs that found nothing to do would drown the log; their runs are still recorded.
        const idle = counts !== undefined && Object.values(counts).every((count) => count === 0);
        if (idle) log.debug(`Job ${job.name} succeeded`, { trigger, counts });
        else log.info(`Job ${job.name} succeeded`, { trigger, counts });
      } catch (error) {
        result = { outcome: 'failed', counts: null, error: error instanceof Error ? error.message : String(error) };
        if (!(error instanceof LeaseLost)) log.error(`Job ${job.name} failed`, { trigger, error });
      }
      const finished = { ...result, finishedAt: now(), durationMs: Math.round(performance.now() - started) };
      Object.assign(run, finished);
      try {
        await fence.assert();
        // A takeover may have ended this run already; then its word stands.
        await em.fork().nativeUpdate(JobRun, { id: run.id, outcome: 'running', leaseToken: token }, finished);
      } catch (error) {
        if (error instanceof LeaseLost) log.warn(`Job ${job.name}: the run lost its lease; its result is not recorded`);
        else log.error(`Could not record the run of job ${job.name}`, { error });
      }
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

  function runNow(name: string): Promise<JobRun> {
    const job = definitions.get(name);
    if (!job) return Promise.reject(new Error(`There is no job named ${name}`));
    // A scheduled run that found the lease taken joined nothing: ask again, as the operator did.
    return runOnce(job, 'manual').then((run) => run ?? (execute(job, 'manual') as Promise<JobRun>));
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
          new Cron(job.schedule, { name: `astro:${deps.instance}:${job.name}`, unref: false }, async () => {
            await runOnce(job, 'schedule');
          }),
        );
      }
      const poll = () =>
        void takeRunRequests().catch((error: unknown) => log.debug('Could not look for runs asked for', { error }));
      requestPoll ??= setInterval(poll, deps.requestPollMs ?? 2_000);
      log.info('Job Scheduler started', { instance: deps.instance, jobs: [...definitions.keys()] });
    },
    async stop() {
      for (const timetable of timetables.values()) timetable.stop();
      timetables.clear();
      if (requestPoll) clearInterval(requestPoll);
      requestPoll = null;
      await Promise.allSettled(inFlight.values());
    },
    runNow,
    jobs() {
      return [...definitions.values()].map((job) => ({
        name: job.name,
        description: job.description,
        schedule: job.schedule,
        // A scheduler that is not started (the jobs run in another process) still knows the timetable.
        nextRun: (timetables.get(job.name) ?? new Cron(job.schedule, { paused: true })).nextRun(),
        running: inFlight.has(job.name),
      }));
    },
  };
}
