/**
 * The launch status machine (SPEC.md §3): which changes a launch may go through, given its state, the
 * clock and its confirmed seats. Pure: the caller stores the result and its history entry.
 */
import type { AbortReason, LaunchStatus } from './status.ts';

export type StatusChange =
  | { to: 'confirmed'; newDate?: never; reason?: string }
  | { to: 'delayed'; newDate: Date; reason: string }
  | { to: 'aborted'; reason: AbortReason; note?: string }
  | { to: 'launched' };

export interface LaunchState {
  status: LaunchStatus;
  launchDate: Date;
  minimumPassengers: number;
  confirmedSeats: number;
}

export type StatusOutcome =
  { ok: true; status: LaunchStatus; launchDate: Date; reason: string | null } | { ok: false; problem: string };

const refuse = (problem: string): StatusOutcome => ({ ok: false, problem });
const terminal: ReadonlySet<LaunchStatus> = new Set(['aborted', 'launched']);

export function changeLaunchStatus(launch: LaunchState, change: StatusChange, now: Date): StatusOutcome {
  if (terminal.has(launch.status)) return refuse(`This launch is ${launch.status}; its status can no longer change.`);
  switch (change.to) {
    case 'confirmed':
      if (launch.status === 'confirmed') return refuse('This launch is already confirmed.');
      return { ok: true, status: 'confirmed', launchDate: launch.launchDate, reason: change.reason?.trim() || null };
    case 'delayed': {
      if (!change.reason.trim()) return refuse('Say why the launch is delayed.');
      if (change.newDate.getTime() <= launch.launchDate.getTime())
        return refuse('A delay needs a new launch date later than the current one.');
      if (change.newDate.getTime() <= now.getTime()) return refuse('The new launch date must be in the future.');
      return { ok: true, status: 'delayed', launchDate: change.newDate, reason: change.reason.trim() };
    }
    case 'aborted': {
      if (change.reason === 'economic' && launch.confirmedSeats >= launch.minimumPassengers)
        return refuse('A launch cannot be aborted for economic reasons once its confirmed seats reach the minimum.');
      const note = change.note?.trim();
      return {
        ok: true,
        status: 'aborted',
        launchDate: launch.launchDate,
        reason: note ? `${change.reason}: ${note}` : change.reason,
      };
    }
    case 'launched':
      if (launch.status !== 'confirmed') return refuse('Only a confirmed launch can be marked as launched.');
      if (now.getTime() < launch.launchDate.getTime())
        return refuse('A launch can be marked as launched only on or after its launch date.');
      return { ok: true, status: 'launched', launchDate: launch.launchDate, reason: null };
  }
}

/** Price, rocket and minimum can change only while a launch is scheduled (SPEC.md §3). */
export const canEditTerms = (status: LaunchStatus): boolean => status === 'scheduled';

/** Confirmed seats reaching the minimum confirm a scheduled launch by themselves. */
export const confirmsByOccupancy = (launch: LaunchState): boolean =>
  launch.status === 'scheduled' && launch.confirmedSeats >= launch.minimumPassengers;
