import type { Routes } from '@angular/router';
import { NotFoundPage } from '@astro/web-kit';

export const routes: Routes = [
  {
    path: '',
    title: 'Agencies · Employee portal · Astro Bookings',
    loadComponent: () => import('./agencies/agencies.page').then((m) => m.AgenciesPage),
  },
  {
    path: 'users',
    title: 'Users · Employee portal · Astro Bookings',
    loadComponent: () => import('./users/users.page').then((m) => m.UsersPage),
  },
  {
    path: 'users/:userId',
    title: 'Account · Employee portal · Astro Bookings',
    loadComponent: () => import('./users/user.page').then((m) => m.UserPage),
  },
  // Last: any other address is this app's 404 page.
  { path: '**', title: 'Page not found · Employee portal · Astro Bookings', component: NotFoundPage },
];
