import type { Routes } from '@angular/router';
import { NotFoundPage } from '@astro/web-kit';

export const routes: Routes = [
  {
    path: '',
    title: 'System status · IT operations · Astro Bookings',
    loadComponent: () => import('./status/status.page').then((m) => m.StatusPage),
  },
  {
    path: 'instances',
    title: 'Instances · IT operations · Astro Bookings',
    loadComponent: () => import('./instances/instances.page').then((m) => m.InstancesPage),
  },
  {
    path: 'email',
    title: 'E-mail queue · IT operations · Astro Bookings',
    loadComponent: () => import('./email/emails.page').then((m) => m.EmailsPage),
  },
  {
    path: 'email/:id',
    title: 'E-mail · IT operations · Astro Bookings',
    loadComponent: () => import('./email/email.page').then((m) => m.EmailPage),
  },
  {
    path: 'jobs',
    title: 'Jobs · IT operations · Astro Bookings',
    loadComponent: () => import('./jobs/jobs.page').then((m) => m.JobsPage),
  },
  {
    path: 'logs',
    title: 'Logs · IT operations · Astro Bookings',
    loadComponent: () => import('./logs/logs.page').then((m) => m.LogsPage),
  },
  {
    path: 'sync',
    title: 'Sync · IT operations · Astro Bookings',
    loadComponent: () => import('./sync/sync.page').then((m) => m.SyncPage),
  },
  // Last: any other address is this app's 404 page.
  { path: '**', title: 'Page not found · IT operations · Astro Bookings', component: NotFoundPage },
];
