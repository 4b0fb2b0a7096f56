import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ranges, type Destination } from '@astro/domain';
import { formProblems, problemMessage, queryResource } from '@astro/web-kit';
import { injectApi } from '../api';
import { destination, fromUtcInput, toUtcInput } from './launch-labels';

/** Scheduling a launch on one of the agency's active rockets, or editing one still scheduled; the server checks every rule. */
@Component({
  selector: 'ab-schedule-launch-page',
  imports: [FormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/launches">← All launches</a></p>
    @if (existing.error(); as error) {
      <h1>Launch not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ notFound(error) }}</p>
    } @else {
      <h1>{{ launchId() ? 'Edit ' + (editing()?.missionName ?? 'launch') : 'Schedule a launch' }}</h1>
      <form class="ab-panel ab-form" (ngSubmit)="submit()" aria-labelledby="schedule-title" novalidate>
        <h2 id="schedule-title" class="ab-visually-hidden">Launch details</h2>
        @if (problem(); as message) {
          <p class="ab-notice ab-notice--error" role="alert">{{ message }}</p>
        }
        <div class="ab-form-row">
          <div class="ab-field">
            <label for="mission">Mission name</label>
            <input
              id="mission"
              name="missionName"
              [(ngModel)]="missionName"
              [attr.aria-invalid]="!!errors()['missionName']"
              [attr.aria-describedby]="errors()['missionName'] ? 'mission-error' : null"
            />
            @if (errors()['missionName']; as error) {
              <p class="ab-field-error" id="mission-error">{{ error }}</p>
            }
          </div>
          <div class="ab-field">
            <label for="rocket">Rocket</label>
            <select
              id="rocket"
              name="rocketId"
              [(ngModel)]="rocketId"
              [attr.aria-invalid]="!!errors()['rocketId']"
              [attr.aria-describedby]="errors()['rocketId'] ? 'rocket-error' : null"
            >
              <option value="">Choose a rocket</option>
              @for (rocket of activeRockets(); track rocket.id) {
                <option [value]="rocket.id">
                  {{ rocket.name }} ({{ rocket.capacity }} seats, up to {{ destination(rocket.range) }})
                </option>
              }
            </select>
            @if (errors()['rocketId']; as error) {
              <p class="ab-field-error" id="rocket-error">{{ error }}</p>
            }
          </div>
        </div>
        <div class="ab-form-row">
          <div class="ab-field">
            <label for="destination">Destination</label>
            <select
              id="destination"
              name="destination"
              [(ngModel)]="destinationValue"
              [attr.aria-invalid]="!!errors()['destination']"
              [attr.aria-describedby]="errors()['destination'] ? 'destination-error' : null"
            >
              @for (each of ranges; track each) {
                <option [value]="each">{{ destination(each) }}</option>
              }
            </select>
            @if (errors()['destination']; as error) {
              <p class="ab-field-error" id="destination-error">{{ error }}</p>
            }
          </div>
          <div class="ab-field">
            <label for="spaceport">Spaceport</label>
            <input
              id="spaceport"
              name="spaceport"
              [(ngModel)]="spaceport"
              [attr.aria-invalid]="!!errors()['spaceport']"
              [attr.aria-describedby]="errors()['spaceport'] ? 'spaceport-error' : null"
            />
            @if (errors()['spaceport']; as error) {
              <p class="ab-field-error" id="spaceport-error">{{ error }}</p>
            }
          </div>
          <div class="ab-field">
            <label for="launch-date">Launch date and time (UTC)</label>
            <input
              id="launch-date"
              name="launchDate"
              type="datetime-local"
              [(ngModel)]="launchDate"
              [attr.aria-invalid]="!!errors()['launchDate']"
              [attr.aria-describedby]="errors()['launchDate'] ? 'date-error' : null"
            />
            @if (errors()['launchDate']; as error) {
              <p class="ab-field-error" id="date-error">{{ error }}</p>
            }
          </div>
        </div>
        <div class="ab-form-row">
          <div class="ab-field">
            <label for="price">Price per seat (USD)</label>
            <input
              id="price"
              name="price"
              type="number"
              inputmode="decimal"
              min="1"
              step="0.01"
              [(ngModel)]="price"
              [attr.aria-invalid]="!!errors()['pricePerSeatCents']"
              [attr.aria-describedby]="errors()['pricePerSeatCents'] ? 'price-error' : null"
            />
            @if (errors()['pricePerSeatCents']; as error) {
              <p class="ab-field-error" id="price-error">{{ error }}</p>
            }
          </div>
          <div class="ab-field">
            <label for="minimum">Minimum passengers to fly</label>
            <input
              id="minimum"
              name="minimum"
              type="number"
              inputmode="numeric"
              min="1"
              [(ngModel)]="minimum"
              [attr.aria-invalid]="!!errors()['minimumPassengers']"
              [attr.aria-describedby]="errors()['minimumPassengers'] ? 'minimum-error' : null"
            />
            @if (errors()['minimumPassengers']; as error) {
              <p class="ab-field-error" id="minimum-error">{{ error }}</p>
            }
          </div>
        </div>
        <div class="ab-actions">
          <button type="submit" [disabled]="saving()">{{ launchId() ? 'Save changes' : 'Schedule launch' }}</button>
          <a class="ab-button ab-button--secondary" routerLink="/launches">Cancel</a>
        </div>
      </form>
    }
  `,
})
export class ScheduleLaunchPage {
  private readonly api = injectApi();
  private readonly router = inject(Router);
  protected readonly ranges = ranges;
  protected readonly destination = destination;
  /** From the route when editing, `launches/:launchId/edit`. */
  readonly launchId = input<string | undefined>(undefined);
  protected readonly rockets = queryResource({
    id: 'supplier.rockets.list',
    loader: () => this.api.rockets.list.query(),
  });
  protected readonly existing = queryResource({
    id: 'supplier.launches.get',
    params: () => (this.launchId() ? { launchId: this.launchId()! } : undefined),
    loader: ({ params }) => this.api.launches.get.query(params),
    namedByTheAddress: true,
  });
  /** The launch being edited, once loaded (a failed query has no value to read). */
  protected readonly editing = () => (this.existing.hasValue() ? this.existing.value() : undefined);
  protected readonly activeRockets = () =>
    (this.rockets.hasValue() ? this.rockets.value().rockets : []).filter((rocket) => rocket.active);

  protected missionName = '';
  protected rocketId = '';
  protected destinationValue: Destination = 'orbit';
  protected spaceport = '';
  protected launchDate = '';
  protected price: number | null = null;
  protected minimum: number | null = 1;
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly problem = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const launch = this.editing();
      if (!launch) return;
      this.missionName = launch.missionName;
      this.rocketId = launch.rocket.id;
      this.destinationValue = launch.destination;
      this.spaceport = launch.spaceport;
      this.launchDate = toUtcInput(launch.launchDate);
      this.price = launch.pricePerSeatCents / 100;
      this.minimum = launch.minimumPassengers;
    });
  }

  protected notFound(error: unknown): string {
    return problemMessage(error);
  }

  protected async submit(): Promise<void> {
    const missing: Record<string, string> = {};
    if (!this.rocketId) missing['rocketId'] = 'Choose one of your rockets.';
    if (!this.launchDate) missing['launchDate'] = 'Choose the launch date and time.';
    if (Object.keys(missing).length) {
      this.errors.set(missing);
      this.problem.set('Please correct the fields marked below.');
      return;
    }
    this.saving.set(true);
    try {
      const fields = {
        rocketId: this.rocketId,
        missionName: this.missionName,
        destination: this.destinationValue,
        spaceport: this.spaceport,
        launchDate: fromUtcInput(this.launchDate),
        pricePerSeatCents: Math.round(Number(this.price ?? 0) * 100),
        minimumPassengers: Number(this.minimum ?? 0),
      };
      const launchId = this.launchId();
      const { id } = launchId
        ? await this.api.launches.edit.mutate({ launchId, ...fields })
        : await this.api.launches.schedule.mutate(fields);
      await this.router.navigate(['/launches', id]);
    } catch (error) {
      const { fields, summary } = formProblems(error);
      this.errors.set(fields);
      this.problem.set(summary);
    } finally {
      this.saving.set(false);
    }
  }
}
