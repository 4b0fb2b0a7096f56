import type { Routes } from '@angular/router';
import { NotFoundPage } from '@astro/web-kit';

export const routes: Routes = [
  {
    path: '',
    title: 'Agencies · Employee portal · Astro Bookings',
    loadComponent: () => import('./agencies/agencies.page').then((m) => m.AgenciesPage),
  },
  {
    path: 'agencies',
    title: 'Agencies · Employee portal · Astro Bookings',
    loadComponent: () => import('./agencies/agencies.page').then((m) => m.AgenciesPage),
  },
  {
    path: 'agencies/new',
    title: 'Onboard an agency · Employee portal · Astro Bookings',
    loadComponent: () => import('./agencies/onboard-agency.page').then((m) => m.OnboardAgencyPage),
  },
  {
    path: 'agencies/:agencyId',
    title: 'Agency · Employee portal · Astro Bookings',
    loadComponent: () => import('./agencies/agency.page').then((m) => m.AgencyPage),
  },
  {
    path: 'bookings',
    title: 'Bookings · Employee portal · Astro Bookings',
    loadComponent: () => import('./bookings/bookings.page').then((m) => m.BookingsPage),
  },
  {
    path: 'bookings/:bookingId',
    title: 'Booking · Employee portal · Astro Bookings',
    loadComponent: () => import('./bookings/booking.page').then((m) => m.BookingPage),
  },
  {
    path: 'launches',
    title: 'Launches · Employee portal · Astro Bookings',
    loadComponent: () => import('./launches/launches.page').then((m) => m.LaunchesPage),
  },
  {
    path: 'launches/:launchId',
    title: 'Launch · Employee portal · Astro Bookings',
    loadComponent: () => import('./launches/launch.page').then((m) => m.LaunchPage),
  },
  {
    path: 'audit',
    title: 'Audit trail · Employee portal · Astro Bookings',
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
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
  {
    path: 'finance',
    loadChildren: () => import('./finance/finance.routes').then((m) => m.financeRoutes),
  },
  // Last: any other address is this app's 404 page.
  { path: '**', title: 'Page not found · Employee portal · Astro Bookings', component: NotFoundPage },
];
