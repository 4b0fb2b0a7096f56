import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    title: 'Upcoming launches · Astro Bookings',
    loadComponent: () => import('./catalogue/catalogue.page').then((m) => m.CataloguePage),
  },
  {
    path: 'launches/:slug',
    title: 'Launch · Astro Bookings',
    loadComponent: () => import('./launch/launch.page').then((m) => m.LaunchPage),
  },
];
