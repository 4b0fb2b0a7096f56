import type { Routes } from '@angular/router';
import { NotFoundPage } from '@astro/web-kit';

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
  {
    path: 'bookings',
    title: 'My bookings · Astro Bookings',
    loadComponent: () => import('./bookings/bookings.page').then((m) => m.BookingsPage),
  },
  {
    path: 'bookings/:bookingId',
    title: 'Your booking · Astro Bookings',
    loadComponent: () => import('./booking/booking.page').then((m) => m.BookingPage),
  },
  {
    path: 'account',
    title: 'Account · Astro Bookings',
    loadComponent: () => import('./account/account.page').then((m) => m.AccountPage),
  },
  // Last: any other address is this app's 404 page.
  { path: '**', title: 'Page not found · Astro Bookings', component: NotFoundPage },
];
