import { LeaseLost, type Fence } from './scheduler.ts';

/** A run's fence that lets `checks` writes through and then reports the lease lost, as a takeover would. */
export function fenceLostAfter(checks: number): Fence {
  let made = 0;
  const lost = new AbortController();
  return {
    signal: lost.signal,
    async assert() {
      if (++made <= checks) return;
      const error = new LeaseLost('Job test stopped: another scheduler instance took its lease over');
      lost.abort(error);
      throw error;
    },
  };
}
