import type { BookingStatus } from '@astro/domain';

export const bookingStatusLabels: Record<BookingStatus, string> = {
  held: 'Held',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export const bookingStatusBadges: Record<BookingStatus, string> = {
  held: 'ab-badge ab-badge--warn',
  confirmed: 'ab-badge ab-badge--good',
  cancelled: 'ab-badge ab-badge--bad',
  expired: 'ab-badge',
};

/** How people read a reference out: its first eight characters (the search finds a booking by them). */
export const shortReference = (bookingId: string) => bookingId.slice(0, 8).toUpperCase();
