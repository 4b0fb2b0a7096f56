/** How people read a reference out: its first eight characters (the search finds a booking by them). */
export const shortReference = (bookingId: string) => bookingId.slice(0, 8).toUpperCase();
