import type { Routes } from '@angular/router';
import { NotFoundPage } from '@astro/web-kit';

export const routes: Routes = [
  {
    path: '',
    title: 'Rockets · Supplier portal · Astro Bookings',
    loadComponent: () => import('./rockets/rockets.page').then((m) => m.RocketsPage),
  },
  {
    path: 'launches',
    title: 'Launches · Supplier portal · Astro Bookings',
    loadComponent: () => import('./launches/launches.page').then((m) => m.LaunchesPage),
  },
  {
    path: 'launches/new',
    title: 'Schedule a launch · Supplier portal · Astro Bookings',
    loadComponent: () => import('./launches/schedule-launch.page').then((m) => m.ScheduleLaunchPage),
  },
  {
    path: 'launches/:launchId/edit',
    title: 'Edit a launch · Supplier portal · Astro Bookings',
    loadComponent: () => import('./launches/schedule-launch.page').then((m) => m.ScheduleLaunchPage),
  },
  {
    path: 'launches/:launchId',
    title: 'Launch · Supplier portal · Astro Bookings',
    loadComponent: () => import('./launches/launch.page').then((m) => m.LaunchPage),
  },
  {
    path: 'agency',
    title: 'Agency profile · Supplier portal · Astro Bookings',
    loadComponent: () => import('./agency/agency.page').then((m) => m.AgencyPage),
  },
  {
    path: 'invoices',
    title: 'Invoices · Supplier portal · Astro Bookings',
    loadComponent: () => import('./invoices/invoices.page').then((m) => m.InvoicesPage),
  },
  {
    path: 'invoices/:invoiceId',
    title: 'Invoice · Supplier portal · Astro Bookings',
    loadComponent: () => import('./invoices/invoice.page').then((m) => m.InvoicePage),
  },
  {
    path: 'statements',
    title: 'Statements · Supplier portal · Astro Bookings',
    loadComponent: () => import('./statements/statements.page').then((m) => m.StatementsPage),
  },
  // Last: any other address is this app's 404 page.
  { path: '**', title: 'Page not found · Supplier portal · Astro Bookings', component: NotFoundPage },
];
