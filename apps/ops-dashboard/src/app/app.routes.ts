import type { Routes } from '@angular/router';
import { NotFoundPage } from '@astro/web-kit';

export const routes: Routes = [
  {
    path: '',
    title: 'System status · IT operations · Astro Bookings',
    loadComponent: () => import('./status/status.page').then((m) => m.StatusPage),
  },
  {
    path: 'jobs',
    title: 'Jobs · IT operations · Astro Bookings',
    loadComponent: () => import('./jobs/jobs.page').then((m) => m.JobsPage),
  },
  // Last: any other address is this app's 404 page.
  { path: '**', title: 'Page not found · IT operations · Astro Bookings', component: NotFoundPage },
];
