import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { PageOutletComponent, ShellComponent, type NavLink } from '@astro/web-kit';
import { Viewer } from './viewer';

@Component({
  selector: 'ab-root',
  imports: [PageOutletComponent, ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ab-shell appName="Employee portal" [nav]="nav()" [account]="me.value()"><ab-page-outlet /></ab-shell>`,
})
export class App {
  private readonly viewer = inject(Viewer);
  protected readonly me = this.viewer.me;
  protected readonly nav = computed((): NavLink[] => [
    { label: 'Agencies', path: '/' },
    { label: 'Bookings', path: '/bookings' },
    { label: 'Launches', path: '/launches' },
    { label: 'Audit trail', path: '/audit' },
    { label: 'Users', path: '/users' },
    ...(this.viewer.keepsTheBooks() ? [{ label: 'Finance', path: '/finance' }] : []),
  ]);
}
