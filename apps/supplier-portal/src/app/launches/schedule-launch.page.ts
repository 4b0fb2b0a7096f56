import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormField, FormRoot, min } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { ranges, type Destination } from '@astro/domain';
import { problemMessage, queryResource } from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  type FieldProblems,
} from '@astro/web-kit/forms';
import { AgencyStanding } from '../agency-standing';
import { injectApi } from '../api';
import { destination, fromUtcInput, toUtcInput } from './launch-labels';

/** The launch's terms as the form edits them: the price in dollars, the date as the UTC input writes it. */
interface LaunchTerms {
  missionName: string;
  rocketId: string;
  destination: Destination;
  spaceport: string;
  launchDate: string;
  pricePerSeat: number | null;
  minimumPassengers: number | null;
}

/** What the server cannot be asked without. */
function missing(terms: LaunchTerms): FieldProblems {
  return {
    ...(terms.rocketId ? {} : { rocketId: 'Choose one of your rockets.' }),
    ...(terms.launchDate ? {} : { launchDate: 'Choose the launch date and time.' }),
  };
}

/** Scheduling a launch on one of the agency's active rockets, or editing one still scheduled; the server checks every rule. */
@Component({
  selector: 'ab-schedule-launch-page',
  imports: [FormRoot, FormField, RouterLink, FieldComponent, FieldControlDirective, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/launches">← All launches</a></p>
    @if (existing.error(); as error) {
      <h1>Launch not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ notFound(error) }}</p>
    } @else if (standing.suspended()) {
      <h1>{{ launchId() ? 'Edit a launch' : 'Schedule a launch' }}</h1>
      <p class="ab-notice">{{ standing.message }}</p>
    } @else {
      @let fields = terms.fields;
      <h1>{{ launchId() ? 'Edit ' + (editing()?.missionName ?? 'launch') : 'Schedule a launch' }}</h1>
      <form class="ab-panel ab-form" [formRoot]="fields" aria-labelledby="schedule-title">
        <h2 id="schedule-title" class="ab-visually-hidden">Launch details</h2>
        <ab-error-summary [for]="terms" />
        <div class="ab-form-row">
          <ab-field for="mission" label="Mission name">
            <input abControl [formField]="fields.missionName" />
          </ab-field>
          <ab-field for="rocket" label="Rocket">
            <select abControl [formField]="fields.rocketId">
              <option value="">Choose a rocket</option>
              @for (rocket of activeRockets(); track rocket.id) {
                <option [value]="rocket.id">
                  {{ rocket.name }} ({{ rocket.capacity }} seats, up to {{ destination(rocket.range) }})
                </option>
              }
            </select>
          </ab-field>
        </div>
        <div class="ab-form-row">
          <ab-field for="destination" label="Destination">
            <select abControl [formField]="fields.destination">
              @for (each of ranges; track each) {
                <option [value]="each">{{ destination(each) }}</option>
              }
            </select>
          </ab-field>
          <ab-field for="spaceport" label="Spaceport">
            <input abControl [formField]="fields.spaceport" />
          </ab-field>
          <ab-field for="launch-date" label="Launch date and time (UTC)">
            <input abControl type="datetime-local" [formField]="fields.launchDate" />
          </ab-field>
        </div>
        <div class="ab-form-row">
          <ab-field for="price" label="Price per seat (USD)">
            <input abControl type="number" inputmode="decimal" step="0.01" [formField]="fields.pricePerSeat" />
          </ab-field>
          <ab-field for="minimum" label="Minimum passengers to fly">
            <input abControl type="number" inputmode="numeric" [formField]="fields.minimumPassengers" />
          </ab-field>
        </div>
        <div class="ab-actions">
          <button type="submit" [disabled]="terms.busy()">{{ launchId() ? 'Save changes' : 'Schedule launch' }}</button>
          <a class="ab-button ab-button--secondary" routerLink="/launches">Cancel</a>
        </div>
      </form>
    }
  `,
})
export class ScheduleLaunchPage {
  private readonly api = injectApi();
  protected readonly standing = inject(AgencyStanding);
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

  private readonly edited = signal<LaunchTerms>({
    missionName: '',
    rocketId: '',
    destination: 'orbit',
    spaceport: '',
    launchDate: '',
    pricePerSeat: null,
    minimumPassengers: 1,
  });
  protected readonly terms = injectSubmission(this.edited, {
    rules: (terms) => {
      min(terms.pricePerSeat, 1);
      min(terms.minimumPassengers, 1);
    },
    // The server names the price in cents; this form asks for dollars.
    renamed: { pricePerSeatCents: 'pricePerSeat' },
    check: missing,
    save: (terms) => this.save(terms),
  });

  constructor() {
    effect(() => {
      const launch = this.editing();
      if (!launch) return;
      this.edited.set({
        missionName: launch.missionName,
        rocketId: launch.rocket.id,
        destination: launch.destination,
        spaceport: launch.spaceport,
        launchDate: toUtcInput(launch.launchDate),
        pricePerSeat: launch.pricePerSeatCents / 100,
        minimumPassengers: launch.minimumPassengers,
      });
    });
  }

  protected notFound(error: unknown): string {
    return problemMessage(error);
  }

  private async save(terms: LaunchTerms): Promise<void> {
    const fields = {
      rocketId: terms.rocketId,
      missionName: terms.missionName,
      destination: terms.destination,
      spaceport: terms.spaceport,
      launchDate: fromUtcInput(terms.launchDate),
      pricePerSeatCents: Math.round(Number(terms.pricePerSeat ?? 0) * 100),
      minimumPassengers: Number(terms.minimumPassengers ?? 0),
    };
    const launchId = this.launchId();
    const { id } = launchId
      ? await this.api.launches.edit.mutate({ launchId, ...fields })
      : await this.api.launches.schedule.mutate(fields);
    await this.router.navigate(['/launches', id]);
  }
}
