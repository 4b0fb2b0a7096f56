import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  BookingStatusComponent,
  LocalTimeComponent,
  MoneyPipe,
  problemMessage,
  SignInPromptComponent,
} from '@astro/web-kit';
import { injectApi } from '../api';
import { Session } from '../session';

/** The traveler's bookings, newest first, each leading to its page, and their places on waiting lists. */
@Component({
  selector: 'ab-bookings-page',
  imports: [RouterLink, BookingStatusComponent, LocalTimeComponent, MoneyPipe, SignInPromptComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>My bookings</h1>
        <p class="ab-lead">Your seats on launches to come and launches flown, with a receipt for each.</p>
      </div>
    </div>
    @if (session.traveler() === null) {
      <ab-sign-in-prompt purpose="see your bookings" returnTo="/bookings" />
    } @else {
      <!-- Not a region itself: the scrolling table below is, under this heading's name. -->
      <section class="listing">
        <h2 id="bookings-title">Bookings</h2>
        @if (bookings.error(); as error) {
          <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
        } @else if (bookings.hasValue()) {
          @if (bookings.value().length === 0) {
            <p class="ab-notice">You have no bookings yet. <a routerLink="/">Find a launch</a> to book seats.</p>
          } @else {
            <div class="ab-panel ab-table-region" role="region" aria-labelledby="bookings-title" tabindex="0">
              <table class="ab-table">
                <thead>
                  <tr>
                    <th scope="col">Launch</th>
                    <th scope="col">Launch date</th>
                    <th scope="col" class="ab-number">Seats</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="ab-number">Total</th>
                  </tr>
                </thead>
                <tbody>
                  @for (booking of bookings.value(); track booking.id) {
                    <tr>
                      <th scope="row">
                        <a [routerLink]="['/bookings', booking.id]">{{
                          booking.launch?.missionName ?? 'A launch no longer listed'
                        }}</a>
                      </th>
                      <td>
                        @if (booking.launch; as launch) {
                          <ab-local-time [at]="launch.launchDate" />
                        }
                      </td>
                      <td class="ab-number">{{ booking.seats }}</td>
                      <td><ab-booking-status [status]="booking.status" /></td>
                      <td class="ab-number">{{ booking.totalCents | money: booking.currency }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        } @else {
          <p class="ab-notice" role="status">Loading your bookings…</p>
        }
      </section>

      <section class="listing" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting lists</h2>
        @if (waiting.error(); as error) {
          <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
        } @else if (waiting.hasValue()) {
          @if (waiting.value().length === 0) {
            <p class="ab-notice">
              You are not waiting for any launch. When a launch is sold out, its page lets you join its waiting list.
            </p>
          } @else {
            <ul class="places">
              @for (place of waiting.value(); track place.launchId) {
                <li class="ab-panel">
                  <a [routerLink]="['/launches', place.slug]">{{ place.missionName }}</a>,
                  <ab-local-time [at]="place.launchDate" />
                  <br />
                  @if (place.status === 'offered') {
                    <strong>A priority hold is waiting for you:</strong> look for our e-mail.
                  } @else {
                    Number {{ place.position }} in line for {{ place.seats }}
                    {{ place.seats === 1 ? 'seat' : 'seats' }}.
                  }
                </li>
              }
            </ul>
          }
        } @else {
          <p class="ab-notice" role="status">Loading your waiting lists…</p>
        }
      </section>
    }
  `,
  styles: `
    .listing {
      margin-bottom: var(--ab-space-6);
    }
    .ab-table th[scope='row'] {
      text-transform: none;
      letter-spacing: normal;
      font-size: 0.9375rem;
      color: var(--ab-ink);
      background: none;
    }
    .ab-table tbody tr:last-child th {
      border-bottom: 0;
    }
    .places {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ab-space-3);
    }
    .places li {
      padding: var(--ab-space-3) var(--ab-space-4);
    }
  `,
})
export class BookingsPage {
  private readonly api = injectApi();
  protected readonly session = inject(Session);

  protected readonly bookings = resource({
    id: 'customer.bookings.mine',
    params: () => (this.session.traveler() ? {} : undefined),
    loader: () => this.api.bookings.mine.query(),
  });
  protected readonly waiting = resource({
    id: 'customer.waitingList.mine',
    params: () => (this.session.traveler() ? {} : undefined),
    loader: () => this.api.waitingList.mine.query(),
  });

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
