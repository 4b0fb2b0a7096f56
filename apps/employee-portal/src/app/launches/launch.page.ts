import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { destinationLabels } from '@astro/domain';
import {
  BookingStatusComponent,
  LaunchHistoryComponent,
  launchStatusBadge,
  launchStatusLabels,
  MoneyPipe,
  problemMessage,
  queryResource,
} from '@astro/web-kit';
import { injectApi } from '../api';
import { OccupancyMeterComponent } from './occupancy-meter.component';

/** One launch for the back office: its terms, rocket and agency, how it fills, its status history and bookings. */
@Component({
  selector: 'ab-launch-page',
  imports: [DatePipe, RouterLink, MoneyPipe, BookingStatusComponent, LaunchHistoryComponent, OccupancyMeterComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/launches">← All launches</a></p>
    @if (launch.error(); as error) {
      <h1>Launch not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (launch.hasValue()) {
      @let l = launch.value();
      <div class="ab-page-header">
        <div>
          <h1>{{ l.missionName }}</h1>
          <p class="ab-lead">
            <span [class]="badge[l.status]">{{ labels[l.status] }}</span> ·
            <time [attr.datetime]="l.launchDate">{{ l.launchDate | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</time> ·
            {{ destinationLabels[l.destination] }} · {{ l.spaceport }}
          </p>
        </div>
        @if (l.auditHistory.allowed) {
          <a
            class="ab-button ab-button--secondary"
            routerLink="/audit"
            [queryParams]="{ targetType: 'launch', targetId: l.id }"
            >Audit history</a
          >
        } @else {
          <p class="ab-hint">Audit history: {{ l.auditHistory.reason }}</p>
        }
      </div>

      <section class="ab-panel ab-section" aria-labelledby="facts-title">
        <h2 id="facts-title">Launch</h2>
        <dl class="ab-facts ab-facts--tiles">
          <div>
            <dt>Agency</dt>
            <dd>
              {{ l.agency.displayName }}
              @if (l.agency.status === 'suspended') {
                <span class="ab-badge ab-badge--bad">Suspended</span>
              }
              <span class="ab-hint">{{ l.agency.legalName }} · {{ l.agency.contactEmail }}</span>
            </dd>
          </div>
          <div>
            <dt>Rocket</dt>
            <dd>
              {{ l.rocket.name }}
              <span class="ab-hint"
                >{{ l.rocket.capacity }} seats, reaches {{ destinationLabels[l.rocket.range]
                }}{{ l.rocket.active ? '' : ', deactivated' }}</span
              >
            </dd>
          </div>
          <div>
            <dt>Price per seat</dt>
            <dd>{{ l.pricePerSeatCents | money: l.currency }}</dd>
          </div>
          <div>
            <dt>Minimum passengers</dt>
            <dd>{{ l.minimumPassengers }}</dd>
          </div>
        </dl>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="occupancy-title">
        <h2 id="occupancy-title">Occupancy</h2>
        <ab-occupancy-meter [occupancy]="l.occupancy" [name]="l.missionName" />
        <p>
          {{ l.occupancy.seatsLeft }} seats left.
          @if (l.occupancy.viable) {
            Viable: confirmed seats have reached the minimum.
          } @else {
            Not yet viable: {{ l.occupancy.minimum - l.occupancy.confirmedSeats }} more confirmed seats needed.
          }
        </p>
        @if (l.capacityConflict; as conflict) {
          <p class="ab-notice ab-notice--error">
            <strong>Capacity conflict:</strong> {{ conflict.seatsTaken }} seats were taken when the rocket went down to
            {{ conflict.capacity }} seats. The agency resolves it from its portal.
          </p>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="history-title">
        <h2 id="history-title">Status history</h2>
        <ab-launch-history [steps]="l.history" />
      </section>

      <section class="ab-panel ab-section" aria-labelledby="bookings-title">
        <h2 id="bookings-title">Bookings</h2>
        <div class="ab-table-region" role="region" aria-labelledby="bookings-caption" tabindex="0">
          <table class="ab-table">
            <caption id="bookings-caption" class="ab-visually-hidden">
              Bookings of
              {{
                l.missionName
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">Booking</th>
                <th scope="col">Customer</th>
                <th scope="col" class="ab-number">Seats</th>
                <th scope="col">Status</th>
                <th scope="col" class="ab-number">Total</th>
                <th scope="col" class="ab-number">Paid</th>
                <th scope="col" class="ab-number">Refunded</th>
                <th scope="col">Booked (UTC)</th>
              </tr>
            </thead>
            <tbody>
              @for (booking of l.bookings; track booking.id) {
                <tr>
                  <td>
                    <a [routerLink]="['/bookings', booking.id]"
                      ><span class="ab-visually-hidden">Booking </span><code>{{ booking.id.slice(0, 8) }}</code></a
                    >
                  </td>
                  <td>
                    {{ booking.customerName }}<br /><span class="ab-hint">{{ booking.customerEmail }}</span>
                  </td>
                  <td class="ab-number">{{ booking.seats }}</td>
                  <td><ab-booking-status [status]="booking.status" /></td>
                  <td class="ab-number">{{ booking.totalCents | money: booking.currency }}</td>
                  <td class="ab-number">{{ booking.paidCents | money: booking.currency }}</td>
                  <td class="ab-number">{{ booking.refundedCents | money: booking.currency }}</td>
                  <td>
                    <time [attr.datetime]="booking.bookedAt">{{
                      booking.bookedAt | date: 'd MMM y, HH:mm' : 'UTC'
                    }}</time>
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="8">No bookings yet.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    } @else {
      <h1>Launch</h1>
      <p class="ab-notice" role="status">Loading the launch…</p>
    }
  `,
  styles: `
    .ab-facts {
      --ab-fact-width: 12rem;
    }
    .ab-facts dd {
      font-weight: 600;
    }
    .ab-facts .ab-hint {
      display: block;
      font-weight: 400;
    }
  `,
})
export class LaunchPage {
  private readonly api = injectApi();
  /** From the route, `launches/:launchId`. */
  readonly launchId = input.required<string>();
  protected readonly labels = launchStatusLabels;
  protected readonly badge = launchStatusBadge;
  protected readonly destinationLabels = destinationLabels;

  protected readonly launch = queryResource({
    id: 'admin.launches.detail',
    params: () => ({ launchId: this.launchId() }),
    loader: ({ params }) => this.api.launches.detail.query(params),
    namedByTheAddress: true,
  });

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
