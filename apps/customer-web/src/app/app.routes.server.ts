import { RenderMode, type ServerRoute } from '@angular/ssr';

/** A traveler's own pages are never kept by a browser or a proxy, signed in or not. */
const personal = { renderMode: RenderMode.Server, headers: { 'Cache-Control': 'no-store' } } as const;

// Every page shows live data: render on each request, never prerender.
export const serverRoutes: ServerRoute[] = [
  { path: 'bookings', ...personal },
  { path: 'bookings/:bookingId', ...personal },
  { path: 'account', ...personal },
  { path: '**', renderMode: RenderMode.Server },
];
