import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { abortReasons, type AbortReason } from '@astro/domain';
import {
  LaunchHistoryComponent,
  launchStatusBadge,
  launchStatusLabels,
  MoneyPipe,
  problemMessage,
  queryResource,
  saveFile,
} from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  type FieldProblems,
} from '@astro/web-kit/forms';
import { AgencyStanding } from '../agency-standing';
import { injectApi } from '../api';
import { destination, fromUtcInput } from './launch-labels';

type StatusChange =
  | { to: 'confirmed' }
  | { to: 'launched' }
  | { to: 'delayed'; newDate: Date; reason: string }
  | { to: 'aborted'; reason: AbortReason; note?: string };

/** One launch: occupancy, status changes with reasons, history, and the passenger manifest. */
@Component({
  selector: 'ab-launch-page',
  imports: [
    DatePipe,
    FormRoot,
    FormField,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    ErrorSummaryComponent,
    LaunchHistoryComponent,
    MoneyPipe,
  ],
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
            <span [class]="badge[l.status]">{{ labels[l.status] }}</span>
            {{ l.launchDate | date: 'd MMM y, HH:mm' : 'UTC' }} UTC · {{ destination(l.destination) }} ·
            {{ l.rocket.name }} · {{ l.spaceport }} · {{ l.pricePerSeatCents | money: l.currency }} a seat
          </p>
        </div>
        @if (l.termsEditable && !standing.suspended()) {
          <a class="ab-button ab-button--secondary" [routerLink]="['/launches', l.id, 'edit']">Edit terms</a>
        }
      </div>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>

      <section class="ab-panel ab-section" aria-labelledby="occupancy-title">
        <h2 id="occupancy-title">Occupancy</h2>
        @if (l.capacityConflict; as conflict) {
          <div class="ab-notice ab-notice--error" role="alert">
            <p>
              <strong>Capacity conflict:</strong> {{ conflict.seatsTaken }} seats were already held or sold when
              {{ l.rocket.name }} went down to {{ conflict.capacity }} seats.
            </p>
            <p>
              Travelers keep their seats and no more are sold. Give {{ l.rocket.name }} at least
              {{ conflict.seatsTaken }} seats again, or move this launch to a larger rocket.
            </p>
          </div>
        }
        <dl class="ab-facts ab-facts--tiles">
          <div>
            <dt>Confirmed seats</dt>
            <dd>{{ l.occupancy.confirmedSeats }}</dd>
          </div>
          <div>
            <dt>Held seats</dt>
            <dd>{{ l.occupancy.heldSeats }}</dd>
          </div>
          <div>
            <dt>Seats left</dt>
            <dd>{{ l.occupancy.seatsLeft }} of {{ l.occupancy.capacity }}</dd>
          </div>
          <div>
            <dt>Minimum to fly</dt>
            <dd>{{ l.occupancy.minimum }}</dd>
          </div>
        </dl>
        @if (l.occupancy.viable) {
          <p class="ab-notice ab-notice--good">Viable: confirmed seats have reached the minimum.</p>
        } @else {
          <p class="ab-notice">
            Not yet viable: {{ l.occupancy.minimum - l.occupancy.confirmedSeats }} more confirmed seats needed.
          </p>
        }
      </section>

      @let can = l.statusChanges;
      <section class="ab-panel ab-section" aria-labelledby="status-title">
        <h2 id="status-title">Change the status</h2>
        @if (standing.suspended()) {
          <p class="ab-notice">{{ standing.message }}</p>
        } @else if (!can.delayed.allowed) {
          <p class="ab-notice">{{ can.delayed.reason }}</p>
        } @else {
          <ab-error-summary [for]="statusChange" [level]="3" />
          <div class="ab-actions">
            @if (can.confirmed.allowed) {
              <button
                type="button"
                [disabled]="statusChange.busy()"
                (click)="statusChange.submit(changeStatus({ to: 'confirmed' }, 'Confirmed the launch.'))"
              >
                Confirm launch
              </button>
            }
            @if (can.launched.allowed) {
              <button
                type="button"
                [disabled]="statusChange.busy()"
                (click)="statusChange.submit(changeStatus({ to: 'launched' }, 'Marked as launched.'))"
              >
                Mark as launched
              </button>
            }
          </div>
          @if (!can.launched.allowed && l.status === 'confirmed') {
            <p class="ab-hint">{{ can.launched.reason }}</p>
          }

          <form class="ab-form ab-subform" [formRoot]="delay.fields" aria-labelledby="delay-title">
            <h3 id="delay-title">Delay</h3>
            <ab-error-summary [for]="delay" [level]="4" />
            <div class="ab-form-row">
              <ab-field for="delay-date" label="New launch date and time (UTC)">
                <input abControl type="datetime-local" [formField]="delay.fields.newDate" />
              </ab-field>
              <ab-field for="delay-reason" label="Reason">
                <input abControl [formField]="delay.fields.reason" />
              </ab-field>
            </div>
            <div class="ab-actions">
              <button type="submit" [disabled]="delay.busy()">Delay launch</button>
            </div>
          </form>

          <form class="ab-form ab-subform" [formRoot]="abort.fields" aria-labelledby="abort-title">
            <h3 id="abort-title">Abort</h3>
            <p class="ab-hint">Aborting cannot be undone: every traveler with a seat is refunded in full.</p>
            <ab-error-summary [for]="abort" [level]="4" />
            <div class="ab-form-row">
              <ab-field
                for="abort-reason"
                label="Reason"
                [hint]="can.economicAbort.allowed ? undefined : can.economicAbort.reason"
              >
                <select abControl [formField]="abort.fields.reason">
                  @for (reason of abortReasons; track reason) {
                    <option [value]="reason" [disabled]="reason === 'economic' && !can.economicAbort.allowed">
                      {{ reason }}
                    </option>
                  }
                </select>
              </ab-field>
              <ab-field for="abort-note" label="Note (optional)">
                <input abControl [formField]="abort.fields.note" />
              </ab-field>
            </div>
            <div class="ab-actions">
              @if (confirmingAbort()) {
                <button type="submit" class="ab-button--danger" [disabled]="abort.busy()">
                  Yes, abort {{ l.missionName }}
                </button>
                <button type="button" class="ab-button--secondary" (click)="confirmingAbort.set(false)">
                  Keep the launch
                </button>
              } @else {
                <button type="button" class="ab-button--danger" (click)="confirmingAbort.set(true)">
                  Abort launch…
                </button>
              }
            </div>
          </form>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="history-title">
        <h2 id="history-title">Status history</h2>
        <ab-launch-history [steps]="l.history" />
      </section>

      <section class="ab-panel ab-section" aria-labelledby="bookings-title">
        <h2 id="bookings-title">Bookings</h2>
        @if (manifest.hasValue()) {
          <div class="ab-table-region" role="region" aria-labelledby="bookings-title" tabindex="0">
            <table class="ab-table">
              <thead>
                <tr>
                  <th scope="col">Booked by</th>
                  <th scope="col" class="ab-number">Seats</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="ab-number">Total</th>
                  <th scope="col">Booked (UTC)</th>
                </tr>
              </thead>
              <tbody>
                @for (booking of manifest.value().bookings; track booking.id) {
                  <tr>
                    <td>{{ booking.customerName }}</td>
                    <td class="ab-number">{{ booking.seats }}</td>
                    <td>{{ booking.status }}</td>
                    <td class="ab-number">{{ booking.totalCents | money: booking.currency }}</td>
                    <td>{{ booking.bookedAt | date: 'd MMM y, HH:mm' : 'UTC' }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="5">No bookings yet.</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="manifest-title">
        <div class="ab-page-header">
          <h2 id="manifest-title">Passenger manifest</h2>
          <button
            type="button"
            class="ab-button--secondary"
            [disabled]="manifestDownload.busy()"
            (click)="manifestDownload.submit(downloadManifest)"
          >
            Download manifest (CSV)
          </button>
        </div>
        <ab-error-summary [for]="manifestDownload" [level]="3" />
        @if (manifest.hasValue()) {
          @let m = manifest.value();
          <div class="ab-table-region" role="region" aria-labelledby="manifest-title" tabindex="0">
            <table class="ab-table">
              <thead>
                <tr>
                  <th scope="col">Passenger</th>
                  <th scope="col">Birth date</th>
                  <th scope="col">Booked by</th>
                </tr>
              </thead>
              <tbody>
                @for (passenger of m.passengers; track $index) {
                  <tr>
                    <td>{{ passenger.name }}</td>
                    <td>{{ passenger.birthDate }}</td>
                    <td>{{ passenger.bookedBy }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="3">No confirmed passengers yet.</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    } @else {
      <h1>Launch</h1>
      <p class="ab-notice" role="status">Loading the launch…</p>
    }
  `,
  styles: `
    .ab-subform {
      padding: var(--ab-space-4) 0 0;
    }
    .ab-facts {
      --ab-fact-width: 9rem;
    }
    .ab-facts dd {
      font-size: 1.5rem;
      font-weight: 700;
    }
  `,
})
export class LaunchPage {
  private readonly api = injectApi();
  protected readonly standing = inject(AgencyStanding);
  /** From the route, `launches/:launchId`. */
  readonly launchId = input.required<string>();
  protected readonly labels = launchStatusLabels;
  protected readonly badge = launchStatusBadge;
  protected readonly destination = destination;
  protected readonly abortReasons = abortReasons;

  protected readonly launch = queryResource({
    id: 'supplier.launches.get',
    params: () => ({ launchId: this.launchId() }),
    loader: ({ params }) => this.api.launches.get.query(params),
    namedByTheAddress: true,
  });
  protected readonly manifest = queryResource({
    id: 'supplier.launches.manifest',
    params: () => ({ launchId: this.launchId() }),
    loader: ({ params }) => this.api.launches.manifest.query(params),
  });

  protected readonly confirmingAbort = signal(false);
  protected readonly said = signal('');
  protected readonly statusChange = injectSubmission(signal(null));
  protected readonly delay = injectSubmission(signal({ newDate: '', reason: '' }), {
    check: ({ newDate }): FieldProblems => (newDate ? {} : { newDate: 'Choose the new launch date and time.' }),
    save: ({ newDate, reason }) =>
      this.changeStatus({ to: 'delayed', newDate: fromUtcInput(newDate), reason }, 'Delayed the launch.')(),
  });
  protected readonly abort = injectSubmission(
    signal<{ reason: AbortReason; note: string }>({ reason: 'technical', note: '' }),
    {
      save: ({ reason, note }) => {
        this.confirmingAbort.set(false);
        return this.changeStatus({ to: 'aborted', reason, ...(note ? { note } : {}) }, 'Aborted the launch.')();
      },
    },
  );
  protected readonly manifestDownload = injectSubmission(signal(null));

  /** The save that makes the change, says so, and shows the launch as it now stands. */
  protected changeStatus(change: StatusChange, done: string): () => Promise<void> {
    return async () => {
      await this.api.launches.changeStatus.mutate({ launchId: this.launchId(), ...change });
      // What any of the three refused before no longer applies to the launch as it now stands.
      for (const form of [this.statusChange, this.delay, this.abort]) form.clear();
      this.said.set(done);
      this.launch.reload();
    };
  }

  protected readonly downloadManifest = async (): Promise<void> => {
    saveFile(await this.api.launches.manifestCsv.query({ launchId: this.launchId() }));
  };

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
