export const launchStatuses = ['scheduled', 'confirmed', 'delayed', 'aborted', 'launched'] as const;
export type LaunchStatus = (typeof launchStatuses)[number];

export const abortReasons = ['technical', 'weather', 'economic'] as const;
export type AbortReason = (typeof abortReasons)[number];

/** Seats can be sold only in these states, and only until the booking cut-off. */
export const bookableStatuses: readonly LaunchStatus[] = ['scheduled', 'confirmed', 'delayed'];

export const bookingCutoffHours = 48;

/** Booking closes `bookingCutoffHours` before lift-off: at `now`, only launches later than this take bookings. */
export const bookingCutoff = (now: Date): Date => new Date(now.getTime() + bookingCutoffHours * 3_600_000);

/** What a launch's sales depend on. `salesPaused` is set while its agency is suspended (absent: not paused). */
export interface LaunchOnSale {
  status: LaunchStatus;
  launchDate: Date;
  salesPaused?: boolean | null;
}

/** Whether a launch still takes bookings, sold out or not (the waiting list is open exactly then). */
export const bookingOpen = (launch: LaunchOnSale, now: Date): boolean =>
  !launch.salesPaused &&
  bookableStatuses.includes(launch.status) &&
  launch.launchDate.getTime() > bookingCutoff(now).getTime();

export function isBookable(launch: LaunchOnSale & { seatsLeft: number }, now: Date): boolean {
  return bookingOpen(launch, now) && launch.seatsLeft > 0;
}

/** Why a launch whose agency is suspended takes no booking (SPEC.md §8): existing bookings stand. */
export const salesPausedMessage =
  'Sales of this launch are paused while its agency is suspended. Bookings already made stand; please check back later.';
