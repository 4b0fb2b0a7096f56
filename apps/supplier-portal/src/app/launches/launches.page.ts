import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { form, FormField, FormRoot } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { launchStatuses, type LaunchStatus } from '@astro/domain';
import { launchStatusBadge, launchStatusLabels, MoneyPipe, pageCount, problemMessage } from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { AgencyStanding } from '../agency-standing';
import { injectApi } from '../api';
import { destination } from './launch-labels';

type Sort = 'launchDate' | 'missionName' | 'status';

/** The agency's launches: filtered, sorted and paged by the server. */
@Component({
  selector: 'ab-launches-page',
  imports: [DatePipe, FormRoot, FormField, RouterLink, FieldComponent, FieldControlDirective, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Launches</h1>
        @if (launches.hasValue()) {
          <p class="ab-lead">{{ launches.value().total }} launches match.</p>
        }
      </div>
      @if (!standing.suspended()) {
        <a class="ab-button" routerLink="/launches/new">Schedule a launch</a>
      }
    </div>

    <form class="ab-panel ab-form" [formRoot]="filter" aria-label="Filter launches">
      <div class="ab-form-row">
        <ab-field for="filter-status" label="Status">
          <select abControl [formField]="filter.status">
            <option value="">Any status</option>
            @for (each of statuses; track each) {
              <option [value]="each">{{ labels[each] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-from" label="From (UTC)">
          <input abControl type="date" [formField]="filter.from" />
        </ab-field>
        <ab-field for="filter-to" label="To (UTC)">
          <input abControl type="date" [formField]="filter.to" />
        </ab-field>
        <ab-field for="filter-rocket" label="Rocket">
          <select abControl [formField]="filter.rocketId">
            <option value="">Any rocket</option>
            @for (rocket of rockets.value()?.rockets ?? []; track rocket.id) {
              <option [value]="rocket.id">{{ rocket.name }}</option>
            }
          </select>
        </ab-field>
      </div>
      <div class="ab-actions"><button type="submit">Show launches</button></div>
    </form>

    @if (launches.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (launches.hasValue()) {
      @let result = launches.value();
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="launches-caption" tabindex="0">
        <table class="ab-table">
          <caption id="launches-caption" class="ab-visually-hidden">
            Your agency's launches, page
            {{
              result.page
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col" [attr.aria-sort]="ariaSort('missionName')">
                <button type="button" class="ab-sort" (click)="sortBy('missionName')">Mission</button>
              </th>
              <th scope="col" [attr.aria-sort]="ariaSort('launchDate')">
                <button type="button" class="ab-sort" (click)="sortBy('launchDate')">Launch (UTC)</button>
              </th>
              <th scope="col">Destination</th>
              <th scope="col">Rocket</th>
              <th scope="col" [attr.aria-sort]="ariaSort('status')">
                <button type="button" class="ab-sort" (click)="sortBy('status')">Status</button>
              </th>
              <th scope="col" class="ab-number">Confirmed / minimum</th>
              <th scope="col" class="ab-number">Seats left</th>
              <th scope="col" class="ab-number">Price</th>
            </tr>
          </thead>
          <tbody>
            @for (launch of result.launches; track launch.id) {
              <tr>
                <td>
                  <a [routerLink]="['/launches', launch.id]">{{ launch.missionName }}</a>
                </td>
                <td>{{ launch.launchDate | date: 'd MMM y, HH:mm' : 'UTC' }}</td>
                <td>{{ destination(launch.destination) }}</td>
                <td>{{ launch.rocket.name }}</td>
                <td>
                  <span [class]="badge[launch.status]">{{ labels[launch.status] }}</span>
                  @if (launch.capacityConflict) {
                    <span class="ab-badge ab-badge--bad">Capacity conflict</span>
                  }
                </td>
                <td class="ab-number">
                  {{ launch.occupancy.confirmedSeats }} / {{ launch.occupancy.minimum }}
                  @if (launch.occupancy.viable) {
                    <span class="ab-visually-hidden">(viable)</span>
                  }
                </td>
                <td class="ab-number">{{ launch.occupancy.seatsLeft }}</td>
                <td class="ab-number">{{ launch.pricePerSeatCents | money: launch.currency }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="8">No launches match these filters.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <nav class="ab-actions ab-pagination" aria-label="Pages of launches">
        <button type="button" class="ab-button--secondary" [disabled]="page() === 1" (click)="page.set(page() - 1)">
          Previous page
        </button>
        <span>Page {{ result.page }} of {{ pages() }}</span>
        <button
          type="button"
          class="ab-button--secondary"
          [disabled]="page() >= pages()"
          (click)="page.set(page() + 1)"
        >
          Next page
        </button>
      </nav>
    } @else {
      <p class="ab-notice" role="status">Loading launches…</p>
    }
  `,
  styles: `
    .ab-sort {
      all: unset;
      cursor: pointer;
      font-weight: 700;
      text-decoration: underline;
    }
    .ab-sort:focus-visible {
      outline: 3px solid var(--ab-focus);
    }
    .ab-pagination {
      margin-top: var(--ab-space-4);
    }
    .ab-form {
      margin-bottom: var(--ab-space-5);
    }
  `,
})
export class LaunchesPage {
  private readonly api = injectApi();
  protected readonly standing = inject(AgencyStanding);
  protected readonly statuses = launchStatuses;
  protected readonly labels = launchStatusLabels;
  protected readonly badge = launchStatusBadge;
  protected readonly destination = destination;
  /** The filters as chosen; the list follows them when they are applied. An empty one filters nothing. */
  protected readonly filter = form(
    signal<{ status: LaunchStatus | ''; from: string; to: string; rocketId: string }>({
      status: '',
      from: '',
      to: '',
      rocketId: '',
    }),
    { submission: { action: async () => this.apply() } },
  );

  private readonly filters = signal<{ status?: LaunchStatus[]; from?: string; to?: string; rocketId?: string }>({});
  protected readonly sort = signal<Sort>('launchDate');
  protected readonly direction = signal<'asc' | 'desc'>('asc');
  protected readonly page = signal(1);
  private readonly pageSize = 20;

  protected readonly rockets = resource({ id: 'supplier.rockets.list', loader: () => this.api.rockets.list.query() });
  protected readonly launches = resource({
    id: 'supplier.launches.list',
    params: () => ({
      ...this.filters(),
      sort: this.sort(),
      direction: this.direction(),
      page: this.page(),
      pageSize: this.pageSize,
    }),
    loader: ({ params }) =>
      this.api.launches.list.query({
        ...params,
        from: params.from ? new Date(`${params.from}T00:00:00Z`) : undefined,
        to: params.to ? new Date(`${params.to}T23:59:59Z`) : undefined,
      }),
  });
  protected readonly pages = computed(() => pageCount(this.launches.value()?.total, this.pageSize));

  private apply(): void {
    const { status, from, to, rocketId } = this.filter().value();
    this.page.set(1);
    this.filters.set({
      ...(status ? { status: [status] } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(rocketId ? { rocketId } : {}),
    });
  }

  protected sortBy(column: Sort): void {
    if (this.sort() === column) this.direction.set(this.direction() === 'asc' ? 'desc' : 'asc');
    else {
      this.sort.set(column);
      this.direction.set('asc');
    }
    this.page.set(1);
  }

  protected ariaSort(column: Sort): string | null {
    return this.sort() === column ? (this.direction() === 'asc' ? 'ascending' : 'descending') : null;
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
