/**
 * What a job's run checks before each write it makes, so that a run whose lease (`JobLease`) was taken over writes
 * nothing more. Defined beside the lease, not in the Job Scheduler, because the passes the jobs run live in the
 * packages the scheduler imports (the booking flows, the Authentication Service) and take it from their callers.
 */
export interface Fence {
  /** Fires when the lease is lost: hand it to anything that waits. */
  readonly signal: AbortSignal;
  /**
   * Throws once the lease is lost, and confirms the lease with the System DB when the last renewal is old enough
   * that the run may have been stopped in between (a paused process, a long step).
   */
  assert(): Promise<void>;
}

/** For work run outside the scheduler (benchmarks, tests, scripts), where no lease is held. */
export const unfenced: Fence = { signal: new AbortController().signal, assert: async () => {} };
