import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

/** Who is signed in, as the app's `me` procedure tells it. */
export interface ShellAccount {
  name: string;
}

export interface NavLink {
  label: string;
  /** A router path inside the app, e.g. `/` or `/rockets`. */
  path: string;
}

/** The frame every app shares: skip link, header with the app's name and navigation, main landmark, footer. */
@Component({
  selector: 'ab-shell',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">Skip to main content</a>
    <header class="bar">
      <div class="bar-inner">
        <a class="brand" routerLink="/">
          <span class="mark" aria-hidden="true">✦</span>
          <span>Astro Bookings</span>
          <span class="app-name">{{ appName() }}</span>
        </a>
        @if (nav().length > 0) {
          <nav aria-label="Main">
            <ul>
              @for (link of nav(); track link.path) {
                <li>
                  <a
                    [routerLink]="link.path"
                    routerLinkActive="active"
                    ariaCurrentWhenActive="page"
                    [routerLinkActiveOptions]="{ exact: link.path === '/' }"
                    >{{ link.label }}</a
                  >
                </li>
              }
            </ul>
          </nav>
        }
        <!-- Plain links and forms: signing in and out are server routes of the host, not app routes. -->
        <div class="account">
          @if (account(); as signedIn) {
            <span class="who"
              >Signed in as <strong>{{ signedIn.name }}</strong></span
            >
            <form method="post" action="session/sign-out">
              <button type="submit">Sign out</button>
            </form>
          } @else {
            <a class="sign-in" href="session/sign-in">Sign in</a>
          }
        </div>
      </div>
    </header>
    <main id="main" tabindex="-1">
      <ng-content />
    </main>
    <footer>
      <p>Astro Bookings · {{ appName() }} · All times are shown in UTC unless stated.</p>
    </footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .skip-link {
      position: absolute;
      left: var(--ab-space-2);
      top: -4rem;
      z-index: 10;
      padding: var(--ab-space-2) var(--ab-space-4);
      background: var(--ab-surface);
      color: var(--ab-ink);
      border-radius: var(--ab-radius);
    }
    .skip-link:focus {
      top: var(--ab-space-2);
    }
    .bar {
      background: var(--ab-brand);
      color: var(--ab-brand-ink);
    }
    .bar-inner {
      max-width: var(--ab-max-width);
      margin: 0 auto;
      padding: var(--ab-space-3) var(--ab-space-4);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--ab-space-3);
    }
    .brand {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--ab-space-2);
      color: inherit;
      text-decoration: none;
      font-weight: 700;
      font-size: 1.125rem;
    }
    .mark {
      font-size: 1.25rem;
    }
    .app-name {
      font-weight: 500;
      font-size: 0.9375rem;
      opacity: 0.92;
    }
    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ab-space-1);
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      display: inline-block;
      padding: var(--ab-space-2) var(--ab-space-3);
      border-radius: var(--ab-radius);
      color: var(--ab-brand-ink);
      text-decoration: none;
      font-weight: 600;
    }
    nav a:hover,
    nav a.active {
      background: rgb(255 255 255 / 16%);
    }
    nav a.active {
      text-decoration: underline;
      text-underline-offset: 0.3em;
    }
    .account {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--ab-space-3);
    }
    .account form {
      margin: 0;
    }
    .account button,
    .sign-in {
      font: inherit;
      font-weight: 600;
      padding: var(--ab-space-2) var(--ab-space-3);
      border-radius: var(--ab-radius);
      border: 1px solid var(--ab-brand-ink);
      background: transparent;
      color: var(--ab-brand-ink);
      text-decoration: none;
      cursor: pointer;
    }
    .bar :focus-visible {
      outline-color: var(--ab-brand-ink);
    }
    main {
      flex: 1;
      width: 100%;
      max-width: var(--ab-max-width);
      margin: 0 auto;
      padding: var(--ab-space-5) var(--ab-space-4) var(--ab-space-6);
    }
    main:focus {
      outline: none;
    }
    footer {
      border-top: 1px solid var(--ab-border);
      background: var(--ab-surface);
      color: var(--ab-ink-muted);
      font-size: 0.875rem;
    }
    footer p {
      max-width: var(--ab-max-width);
      margin: 0 auto;
      padding: var(--ab-space-4);
    }
  `,
})
export class ShellComponent {
  readonly appName = input.required<string>();
  readonly nav = input<NavLink[]>([]);
  /** Null for a visitor; undefined while not yet known. */
  readonly account = input<ShellAccount | null | undefined>(undefined);

  /** A fragment link would follow the app's base href to another page; move focus instead. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    (event.target as HTMLElement).ownerDocument.getElementById('main')?.focus();
  }
}
