import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ShellComponent, type NavLink } from '@astro/web-kit';
import { Session } from './session';

@Component({
  selector: 'ab-root',
  imports: [RouterOutlet, ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ab-shell appName="Customer site" [nav]="nav()" [account]="session.traveler()">
      <router-outlet />
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
