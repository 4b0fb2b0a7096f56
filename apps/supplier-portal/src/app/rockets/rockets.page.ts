import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { destinationLabels, type Range } from '@astro/domain';
import { problemMessage } from '@astro/web-kit';
import { ErrorSummaryComponent, injectSubmission } from '@astro/web-kit/forms';
import type { AgencyRocket } from '@astro/api';
import { AgencyStanding } from '../agency-standing';
import { injectApi } from '../api';
import { RocketFormComponent, type RocketFields } from './rocket-form.component';

@Component({
  selector: 'ab-rockets-page',
  imports: [RocketFormComponent, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rockets.error(); as error) {
      <h1>Your rockets</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (rockets.hasValue()) {
      @let fleet = rockets.value();
      <div class="ab-page-header">
        <div>
          <h1>{{ fleet.agency.name }}: your rockets</h1>
          <p class="ab-lead">{{ activeCount(fleet.rockets) }} active of {{ fleet.rockets.length }}.</p>
        </div>
        @if (!adding() && !standing.suspended()) {
          <button type="button" (click)="adding.set(true)">Add a rocket</button>
        }
      </div>
      <!-- One live region, present from the start, so screen readers hear each result. -->
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>
      @if (adding()) {
        <ab-rocket-form
          title="Add a rocket"
          submitLabel="Add rocket"
          [save]="create"
          (saved)="done('Added ' + $event + '.'); adding.set(false)"
          (cancelled)="adding.set(false)"
        />
      }
      @if (editing(); as rocket) {
        <ab-rocket-form
          [title]="'Edit ' + rocket.name"
          submitLabel="Save changes"
          [initial]="{ name: rocket.name, capacity: rocket.capacity, range: rocket.range }"
          [save]="update(rocket.id)"
          (saved)="done('Saved ' + $event + '.'); editing.set(null)"
          (cancelled)="editing.set(null)"
        />
      }
      <ab-error-summary [for]="deactivation" />
      @if (fleet.rockets.length === 0) {
        <p class="ab-notice">Your agency has no rockets yet.</p>
      } @else {
        <div class="ab-panel ab-table-region" role="region" aria-labelledby="rockets-caption" tabindex="0">
          <table class="ab-table">
            <caption id="rockets-caption" class="ab-visually-hidden">
              Rockets of
              {{
                fleet.agency.name
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rocket</th>
                <th scope="col" class="ab-number">Seats</th>
                <th scope="col">Reaches</th>
                <th scope="col">Status</th>
                <th scope="col" class="ab-number">Upcoming launches</th>
                <th scope="col"><span class="ab-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (rocket of fleet.rockets; track rocket.id) {
                <tr>
                  <td>{{ rocket.name }}</td>
                  <td class="ab-number">{{ rocket.capacity }}</td>
                  <td>{{ reach(rocket.range) }}</td>
                  <td>
                    @if (rocket.active) {
                      <span class="ab-badge ab-badge--good">Active</span>
                    } @else {
                      <span class="ab-badge">Deactivated</span>
                    }
                  </td>
                  <td class="ab-number">{{ rocket.upcomingLaunches }}</td>
                  <td>
                    @if (rocket.active && !standing.suspended()) {
                      <div class="ab-actions">
                        <button
                          type="button"
                          class="ab-button--secondary"
                          (click)="editing.set(rocket)"
                          [attr.aria-label]="'Edit ' + rocket.name"
                        >
                          Edit
                        </button>
                        @if (!rocket.deactivation.allowed) {
                          <span class="ab-hint">{{ rocket.deactivation.reason }}</span>
                        } @else if (confirming() === rocket.id) {
                          <button
                            type="button"
                            class="ab-button--danger"
                            [disabled]="deactivation.busy()"
                            (click)="deactivate(rocket)"
                          >
                            Yes, deactivate {{ rocket.name }}
                          </button>
                          <button type="button" class="ab-button--secondary" (click)="confirming.set(null)">
                            Keep it
                          </button>
                        } @else {
                          <button
                            type="button"
                            class="ab-button--secondary"
                            (click)="confirming.set(rocket.id)"
                            [attr.aria-label]="'Deactivate ' + rocket.name"
                          >
                            Deactivate
                          </button>
                        }
                      </div>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <h1>Your rockets</h1>
      <p class="ab-notice" role="status">Loading your rockets…</p>
    }
  `,
})
export class RocketsPage {
  private readonly api = injectApi();
  protected readonly standing = inject(AgencyStanding);

  protected readonly rockets = resource({
    id: 'supplier.rockets.list',
    loader: () => this.api.rockets.list.query(),
  });

  protected readonly adding = signal(false);
  protected readonly editing = signal<AgencyRocket | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly said = signal('');
  protected readonly deactivation = injectSubmission(signal(null));

  protected readonly create = (fields: RocketFields) => this.api.rockets.create.mutate(fields);
  protected readonly update = (rocketId: string) => (fields: RocketFields) =>
    this.api.rockets.update.mutate({ rocketId, ...fields });

  protected done(message: string): void {
    this.said.set(message);
    // A refused deactivation said before is moot once the fleet has changed.
    this.deactivation.clear();
    this.rockets.reload();
  }

  protected async deactivate(rocket: AgencyRocket): Promise<void> {
    this.confirming.set(null);
    await this.deactivation.submit(async () => {
      await this.api.rockets.deactivate.mutate({ rocketId: rocket.id });
      this.done(`Deactivated ${rocket.name}.`);
    });
  }

  protected reach(range: Range): string {
    return `Up to ${destinationLabels[range].replace(/^The /, 'the ')}`;
  }

  protected activeCount(rockets: { active: boolean }[]): number {
    return rockets.filter((rocket) => rocket.active).length;
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
