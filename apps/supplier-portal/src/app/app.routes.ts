import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'Rockets · Supplier portal · Astro Bookings',
    loadComponent: () => import('./rockets/rockets.page').then((m) => m.RocketsPage),
  },
];
