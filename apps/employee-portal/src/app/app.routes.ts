import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'Agencies · Employee portal · Astro Bookings',
    loadComponent: () => import('./agencies/agencies.page').then((m) => m.AgenciesPage),
  },
];
