import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'System status · IT operations · Astro Bookings',
    loadComponent: () => import('./status/status.page').then((m) => m.StatusPage),
  },
];
