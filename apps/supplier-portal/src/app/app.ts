import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { PageOutletComponent, ShellComponent, type NavLink } from '@astro/web-kit';
import { AgencyStanding } from './agency-standing';
import { injectApi } from './api';

@Component({
  selector: 'ab-root',
  imports: [PageOutletComponent, ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ab-shell appName="Supplier portal" [nav]="nav" [account]="me.value()">
    @if (standing.suspended()) {
      <p class="ab-notice ab-notice--error" role="note">{{ standing.message }}</p>
    }
    <ab-page-outlet />
  </ab-shell>`,
})
export class App {
  private readonly api = injectApi();
  protected readonly standing = inject(AgencyStanding);
  /** Who is signed in, rendered on the server and handed to the browser with the page. */
  protected readonly me = resource({ id: 'me', loader: () => this.api.me.query() });
  protected readonly nav: NavLink[] = [
    { label: 'Rockets', path: '/' },
    { label: 'Launches', path: '/launches' },
    { label: 'Invoices', path: '/invoices' },
    { label: 'Statements', path: '/statements' },
    { label: 'Agency profile', path: '/agency' },
  ];
}
