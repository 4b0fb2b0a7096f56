import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ShellComponent, type NavLink } from '@astro/web-kit';

@Component({
  selector: 'ab-root',
  imports: [RouterOutlet, ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ab-shell appName="Employee portal" [nav]="nav"><router-outlet /></ab-shell>`,
})
export class App {
  protected readonly nav: NavLink[] = [{ label: 'Agencies', path: '/' }];
}
