/**
 * The launch status machine (SPEC.md §3): which changes a launch may go through, given its state, the
 * clock and its confirmed seats. Pure: the caller stores the result and its history entry.
 */
import { allowed, unavailable, type Availability } from './availability.ts';
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

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const twoDigits = (n: number) => String(n).padStart(2, '0');
/** "10 Sep 2027, 04:05", as the portals show dates (Intl's en-GB would say "Sept"). */
const utcMinute = (date: Date) =>
  `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}`;

/**
 * Whether the launch, as it stands, may go through a change of this kind at all (what the change carries — a
 * date, a reason — is judged by `changeLaunchStatus`). The portal offers only what this allows.
 */
export function statusChangeAvailability(
  launch: LaunchState,
  to: StatusChange['to'],
  now: Date,
  abortReason?: AbortReason,
): Availability {
  if (terminal.has(launch.status))
    return unavailable(`This launch is ${launch.status}; its status can no longer change.`);
  switch (to) {
    case 'confirmed':
      return launch.status === 'confirmed' ? unavailable('This launch is already confirmed.') : allowed;
    case 'delayed':
      return allowed;
    case 'aborted':
      return abortReason === 'economic' && launch.confirmedSeats >= launch.minimumPassengers
        ? unavailable('A launch cannot be aborted for economic reasons once its confirmed seats reach the minimum.')
        : allowed;
    case 'launched':
      if (launch.status !== 'confirmed') return unavailable('Only a confirmed launch can be marked as launched.');
      if (now.getTime() < launch.launchDate.getTime())
        return unavailable(`Can be marked as launched from ${utcMinute(launch.launchDate)} UTC, its launch date.`);
      return allowed;
  }
}

/** Every status change the launch may go through now, with the reason for each it may not. */
export const availableStatusChanges = (launch: LaunchState, now: Date) => ({
  confirmed: statusChangeAvailability(launch, 'confirmed', now),
  delayed: statusChangeAvailability(launch, 'delayed', now),
  aborted: statusChangeAvailability(launch, 'aborted', now),
  economicAbort: statusChangeAvailability(launch, 'aborted', now, 'economic'),
  launched: statusChangeAvailability(launch, 'launched', now),
});
export type AvailableStatusChanges = ReturnType<typeof availableStatusChanges>;

export function changeLaunchStatus(launch: LaunchState, change: StatusChange, now: Date): StatusOutcome {
  const availability = statusChangeAvailability(
    launch,
    change.to,
    now,
    change.to === 'aborted' ? change.reason : undefined,
  );
  if (!availability.allowed) return refuse(availability.reason);
  switch (change.to) {
    case 'confirmed':
      return { ok: true, status: 'confirmed', launchDate: launch.launchDate, reason: change.reason?.trim() || null };
    case 'delayed': {
      if (!change.reason.trim()) return refuse('Say why the launch is delayed.');
      if (change.newDate.getTime() <= launch.launchDate.getTime())
        return refuse('A delay needs a new launch date later than the current one.');
      if (change.newDate.getTime() <= now.getTime()) return refuse('The new launch date must be in the future.');
      return { ok: true, status: 'delayed', launchDate: change.newDate, reason: change.reason.trim() };
    }
    case 'aborted': {
      const note = change.note?.trim();
      return {
        ok: true,
        status: 'aborted',
        launchDate: launch.launchDate,
        reason: note ? `${change.reason}: ${note}` : change.reason,
      };
    }
    case 'launched':
      return { ok: true, status: 'launched', launchDate: launch.launchDate, reason: null };
  }
}

/** Price, rocket and minimum can change only while a launch is scheduled (SPEC.md §3). */
export const canEditTerms = (status: LaunchStatus): boolean => status === 'scheduled';

/** Confirmed seats reaching the minimum confirm a scheduled launch by themselves. */
export const confirmsByOccupancy = (launch: LaunchState): boolean =>
  launch.status === 'scheduled' && launch.confirmedSeats >= launch.minimumPassengers;
