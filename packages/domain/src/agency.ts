/** What suppliers of a suspended agency are told (SPEC.md §8): they read everything and change nothing. */
export const agencySuspendedMessage =
  'Your agency is suspended, so nothing can be changed for now; you can still see everything. Contact Astro Bookings to have it reactivated.';
