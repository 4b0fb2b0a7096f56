import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { destinationLabels, formatMoney, money, type Currency, type LaunchStatus } from '@astro/domain';
import { injectInteractive, MoneyPipe, problemMessage, queryResource } from '@astro/web-kit';
import { injectApi } from '../api';
import { BookSeatsComponent } from './book-seats.component';

const statusLabels: Record<LaunchStatus, string> = {
  scheduled: 'Scheduled',
  confirmed: 'Confirmed to fly',
  delayed: 'Delayed',
  aborted: 'Aborted',
  launched: 'Launched',
};

/** A launch's own page at /launches/<slug>: everything a traveler weighs before booking, with its search tags. */
@Component({
  selector: 'ab-launch-page',
  imports: [DatePipe, RouterLink, MoneyPipe, BookSeatsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/">← All launches</a></p>
    @if (launch.error(); as error) {
      <h1>Launch not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (launch.hasValue()) {
      @let l = launch.value();
      <article class="ab-panel launch">
        <p class="destination">{{ destination(l.destination) }}</p>
        <h1>{{ l.missionName }}</h1>
        <p class="when">
          <time [attr.datetime]="l.launchDate">{{ l.launchDate | date: 'EEEE d MMMM y, HH:mm' : 'UTC' }} UTC</time>
          @if (localTime(); as local) {
            <br /><span class="ab-hint">{{ local }} your time</span>
          }
        </p>
        <dl class="facts">
          <div>
            <dt>Agency</dt>
            <dd>{{ l.agencyName }}</dd>
          </div>
          <div>
            <dt>Rocket</dt>
            <dd>{{ l.rocketName }}</dd>
          </div>
          <div>
            <dt>Spaceport</dt>
            <dd>{{ l.spaceport }}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{{ statusLabel(l.status) }}</dd>
          </div>
          <div>
            <dt>Price per seat</dt>
            <dd>{{ l.pricePerSeatCents | money: l.currency }}</dd>
          </div>
          <div>
            <dt>Seats left</dt>
            <dd>{{ l.seatsLeft === 0 ? 'Sold out' : l.seatsLeft + ' of ' + l.capacity }}</dd>
          </div>
        </dl>
        @if (l.salesPaused) {
          <p class="ab-notice">
            <span class="ab-badge ab-badge--warn">Sales paused</span> {{ l.agencyName }} is not taking bookings for now;
            bookings already made stand.
          </p>
        } @else if (!l.bookable) {
          <p class="ab-notice">
            {{ l.seatsLeft === 0 ? 'This launch is sold out.' : 'Booking for this launch has closed.' }}
          </p>
        }
        <ab-book-seats [launch]="l" [initialSeats]="seats()" />
        <h2>Status history</h2>
        <ol class="history">
          @for (change of l.history; track $index) {
            <li>
              <strong>{{ statusLabel(change.status) }}</strong>, {{ change.at | date: 'd MMM y' : 'UTC' }}
              @if (change.reason) {
                · {{ change.reason }}
              }
            </li>
          }
        </ol>
      </article>
    } @else {
      <p class="ab-notice" role="status">Loading the launch…</p>
    }
  `,
  styles: `
    .launch {
      padding: var(--ab-space-5);
    }
    .destination {
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--ab-accent);
      margin: 0;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
      gap: var(--ab-space-3);
    }
    dt {
      color: var(--ab-ink-muted);
    }
    dd {
      margin: 0;
      font-weight: 700;
    }
  `,
})
export class LaunchPage {
  private readonly api = injectApi();
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly meta = inject(Meta);
  /** From the route, `launches/:slug`. */
  readonly slug = input.required<string>();
  /** From the query, `?seats=2`: what a visitor chose before signing in. */
  readonly seats = input<string>();
  /** Set once the page runs in the browser, which alone knows the visitor's time zone. */
  private readonly inBrowser = injectInteractive();
  protected readonly localTime = computed(() => {
    const launch = this.launch.hasValue() ? this.launch.value() : undefined;
    return this.inBrowser() && launch
      ? new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(
          new Date(launch.launchDate),
        )
      : null;
  });

  protected readonly launch = queryResource({
    id: 'customer.catalogue.launch',
    params: () => ({ slug: this.slug() }),
    loader: ({ params }) => this.api.catalogue.launch.query(params),
    namedByTheAddress: true,
  });

  constructor() {
    // Search engines and link previews read these from the server's HTML.
    effect(() => {
      // A failed query has no value to read (reading it throws, and the server would render no further).
      if (!this.launch.hasValue()) return;
      const launch = this.launch.value();
      const heading = `${launch.missionName} to ${destinationLabels[launch.destination]}`;
      const description = `${heading} with ${launch.agencyName} on ${launch.launchDate.slice(0, 10)}: ${formatMoney(
        money(launch.pricePerSeatCents, launch.currency as Currency),
      )} a seat, ${launch.seatsLeft} of ${launch.capacity} seats left.`;
      const url = `${this.document.location.origin}/launches/${launch.slug}`;
      this.title.setTitle(`${heading} · Astro Bookings`);
      this.meta.updateTag({ name: 'description', content: description });
      this.meta.updateTag({ property: 'og:title', content: heading });
      this.meta.updateTag({ property: 'og:description', content: description });
      this.meta.updateTag({ property: 'og:type', content: 'website' });
      this.meta.updateTag({ property: 'og:url', content: url });
      let canonical = this.document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]');
      if (!canonical) {
        canonical = this.document.createElement('link');
        canonical.rel = 'canonical';
        this.document.head.appendChild(canonical);
      }
      canonical.href = url;
    });
  }

  protected destination(value: keyof typeof destinationLabels): string {
    return destinationLabels[value];
  }

  protected statusLabel(status: LaunchStatus): string {
    return statusLabels[status];
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
