import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Viewer } from '../viewer';

/**
 * The frame of the finance pages: their own navigation for finance and admins; anyone else is told the pages are
 * not for their role, and none of the pages (nor their queries) is loaded for them.
 */
@Component({
  selector: 'ab-finance-section',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (viewer.keepsTheBooks()) {
      <nav class="ab-actions finance-nav" aria-label="Finance">
        @for (link of links; track link.path) {
          <a [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ link.label }}</a>
        }
      </nav>
      <router-outlet />
    } @else if (viewer.known()) {
      <h1>Finance</h1>
      <p class="ab-notice">
        The finance pages (invoices, payments, credit notes, statements and reports) are for finance and admins, not for
        your role. Ask finance if an agency’s invoice needs looking at.
      </p>
    }
  `,
  styles: `
    .finance-nav {
      margin-bottom: var(--ab-space-4);
    }
    .finance-nav .active {
      font-weight: 700;
    }
  `,
})
export class FinanceSection {
  protected readonly viewer = inject(Viewer);
  protected readonly links = [
    { label: 'Invoices', path: '/finance/invoices' },
    { label: 'Statements', path: '/finance/statements' },
    { label: 'Reports', path: '/finance/reports' },
  ];
}
