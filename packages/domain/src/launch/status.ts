export const launchStatuses = ['scheduled', 'confirmed', 'delayed', 'aborted', 'launched'] as const;
export type LaunchStatus = (typeof launchStatuses)[number];

export const abortReasons = ['technical', 'weather', 'economic'] as const;
export type AbortReason = (typeof abortReasons)[number];

/** Seats can be sold only in these states, and only until the booking cut-off. */
const openForBooking: ReadonlySet<LaunchStatus> = new Set(['scheduled', 'confirmed', 'delayed']);

export const bookingCutoffHours = 48;

export function isBookable(launch: { status: LaunchStatus; launchDate: Date; seatsLeft: number }, now: Date): boolean {
  const cutoff = launch.launchDate.getTime() - bookingCutoffHours * 3_600_000;
  return openForBooking.has(launch.status) && now.getTime() < cutoff && launch.seatsLeft > 0;
}
