import { ChangeDetectionStrategy, Component, resource } from '@angular/core';
import { PageOutletComponent, ShellComponent, type NavLink } from '@astro/web-kit';
import { injectApi } from './api';

@Component({
  selector: 'ab-root',
  imports: [PageOutletComponent, ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ab-shell appName="IT operations" [nav]="nav" [account]="me.value()"><ab-page-outlet /></ab-shell>`,
})
export class App {
  private readonly api = injectApi();
  /** Who is signed in, rendered on the server and handed to the browser with the page. */
  protected readonly me = resource({ id: 'me', loader: () => this.api.me.query() });
  protected readonly nav: NavLink[] = [
    { label: 'System status', path: '/' },
    { label: 'Instances', path: '/instances' },
    { label: 'E-mail', path: '/email' },
    { label: 'Jobs', path: '/jobs' },
    { label: 'Logs', path: '/logs' },
    { label: 'Sync', path: '/sync' },
  ];
}
