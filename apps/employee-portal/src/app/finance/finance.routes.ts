import type { Routes } from '@angular/router';
import { FinanceSection } from './finance.section';

export const financeRoutes: Routes = [
  {
    path: '',
    component: FinanceSection,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'invoices' },
      {
        path: 'invoices',
        title: 'Invoices · Employee portal · Astro Bookings',
        loadComponent: () => import('./invoices.page').then((m) => m.InvoicesPage),
      },
      {
        path: 'invoices/:invoiceId',
        title: 'Invoice · Employee portal · Astro Bookings',
        loadComponent: () => import('./invoice.page').then((m) => m.InvoicePage),
      },
      {
        path: 'statements',
        title: 'Statements · Employee portal · Astro Bookings',
        loadComponent: () => import('./statements.page').then((m) => m.StatementsPage),
      },
      {
        path: 'reports',
        title: 'Finance reports · Employee portal · Astro Bookings',
        loadComponent: () => import('./reports.page').then((m) => m.ReportsPage),
      },
    ],
  },
];
