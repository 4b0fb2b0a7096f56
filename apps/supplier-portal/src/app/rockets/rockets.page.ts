import { ChangeDetectionStrategy, Component, resource } from '@angular/core';
import { destinationLabels, type Range } from '@astro/domain';
import { problemMessage } from '@astro/web-kit';
import { injectApi } from '../api';

@Component({
  selector: 'ab-rockets-page',
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
      </div>
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

  protected readonly rockets = resource({
    id: 'supplier.rockets.list',
    loader: () => this.api.rockets.list.query(),
  });

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
