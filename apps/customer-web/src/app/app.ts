import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { PageOutletComponent, ShellComponent, type NavLink } from '@astro/web-kit';
import { Session } from './session';

@Component({
  selector: 'ab-root',
  imports: [PageOutletComponent, ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ab-shell appName="Customer site" [nav]="nav()" [account]="session.traveler()">
      <ab-page-outlet />
    </ab-shell>
  `,
})
export class App {
  protected readonly session = inject(Session);
  /** A traveler's own pages join the navigation once they are signed in. */
  protected readonly nav = computed<NavLink[]>(() => [
    { label: 'Launches', path: '/' },
    ...(this.session.traveler()
      ? [
          { label: 'My bookings', path: '/bookings' },
          { label: 'Account', path: '/account' },
        ]
      : []),
  ]);
}
