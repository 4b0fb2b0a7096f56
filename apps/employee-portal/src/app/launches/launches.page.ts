import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LaunchSort } from '@astro/api';
import { destinationLabels, launchStatuses, ranges } from '@astro/domain';
import {
  FilterFormComponent,
  launchStatusBadge,
  launchStatusLabels,
  pageAsked,
  pageCount,
  PagerComponent,
  problemMessage,
  SortableHeaderComponent,
  type Sorting,
} from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { injectApi } from '../api';
import { OccupancyMeterComponent } from './occupancy-meter.component';

const sorts: readonly LaunchSort[] = ['launchDate', 'missionName', 'status', 'agency'];
const pageSize = 20;
const isDay = (value: string | undefined): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** Every launch of every agency, filtered, sorted and paged by the server, with how full each one is. */
@Component({
  selector: 'ab-launches-page',
  imports: [
    DatePipe,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    FilterFormComponent,
    OccupancyMeterComponent,
    PagerComponent,
    SortableHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Launches</h1>
        <p class="ab-lead">
          Every agency's launches and how they fill: confirmed and held seats against capacity and minimum.
        </p>
      </div>
    </div>

    <ab-filter-form label="Filter launches" submit="Show launches" clearTo="/launches" [sorting]="sorting()">
      <div class="ab-form-row">
        <ab-field for="filter-agency" label="Agency">
          <select abControl name="agency">
            <option value="" [selected]="!agency()">Every agency</option>
            @for (each of agencies.value()?.agencies ?? []; track each.id) {
              <option [value]="each.id" [selected]="agency() === each.id">{{ each.displayName }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-status" label="Status">
          <select abControl name="status">
            <option value="" [selected]="!params().status">Any status</option>
            @for (each of statuses; track each) {
              <option [value]="each" [selected]="status() === each">{{ labels[each] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-destination" label="Destination">
          <select abControl name="destination">
            <option value="" [selected]="!params().destination">Anywhere</option>
            @for (each of destinations; track each) {
              <option [value]="each" [selected]="destination() === each">{{ destinationLabels[each] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-from" label="Launching from (UTC)">
          <input abControl name="from" type="date" [value]="params().from ?? ''" />
        </ab-field>
        <ab-field for="filter-to" label="Launching until (UTC)">
          <input abControl name="to" type="date" [value]="params().to ?? ''" />
        </ab-field>
      </div>
    </ab-filter-form>

    @if (launches.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (launches.hasValue()) {
      @let result = launches.value();
      <p role="status">{{ result.total }} {{ result.total === 1 ? 'launch matches' : 'launches match' }}.</p>
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="launches-caption" tabindex="0">
        <table class="ab-table">
          <caption id="launches-caption" class="ab-visually-hidden">
            Launches, page
            {{
              result.page
            }}
            of
            {{
              pages()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col" abSortableHeader="missionName" [sorting]="sorting()">Mission</th>
              <th scope="col" abSortableHeader="agency" [sorting]="sorting()">Agency</th>
              <th scope="col" abSortableHeader="launchDate" [sorting]="sorting()">Launch (UTC)</th>
              <th scope="col">Destination</th>
              <th scope="col" abSortableHeader="status" [sorting]="sorting()">Status</th>
              <th scope="col">Occupancy</th>
            </tr>
          </thead>
          <tbody>
            @for (launch of result.launches; track launch.id) {
              <tr>
                <td>
                  <a [routerLink]="['/launches', launch.id]">{{ launch.missionName }}</a>
                </td>
                <td>
                  {{ launch.agency.displayName }}
                  @if (launch.agency.status === 'suspended') {
                    <span class="ab-badge ab-badge--bad">Suspended</span>
                  }
                </td>
                <td>
                  <time [attr.datetime]="launch.launchDate">{{
                    launch.launchDate | date: 'd MMM y, HH:mm' : 'UTC'
                  }}</time>
                </td>
                <td>{{ destinationLabels[launch.destination] }}</td>
                <td>
                  <span [class]="badge[launch.status]">{{ labels[launch.status] }}</span>
                  @if (launch.capacityConflict) {
                    <span class="ab-badge ab-badge--bad">Capacity conflict</span>
                  }
                </td>
                <td><ab-occupancy-meter [occupancy]="launch.occupancy" [name]="launch.missionName" /></td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">No launches match these filters.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <ab-pager [page]="result.page" [pages]="pages()" label="Pages of launches" />
    } @else {
      <p class="ab-notice" role="status">Loading launches…</p>
    }
  `,
})
export class LaunchesPage {
  private readonly api = injectApi();

  // The filters, sort and page live in the URL (bound from its query), so a link shows exactly this list.
  readonly agency = input<string>();
  readonly status = input<string>();
  readonly destination = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly sort = input<string>();
  readonly direction = input<string>();
  readonly page = input<string>();

  protected readonly statuses = launchStatuses;
  protected readonly destinations = ranges;
  protected readonly labels = launchStatusLabels;
  protected readonly badge = launchStatusBadge;
  protected readonly destinationLabels = destinationLabels;

  /** The address's query as the API takes it; what it cannot mean is left out rather than refused. */
  protected readonly params = computed(() => ({
    agencyId: this.agency() || undefined,
    status: launchStatuses.find((each) => each === this.status()),
    destination: ranges.find((each) => each === this.destination()),
    from: isDay(this.from()) ? this.from() : undefined,
    to: isDay(this.to()) ? this.to() : undefined,
    sort: sorts.find((each) => each === this.sort()) ?? 'launchDate',
    direction: this.direction() === 'desc' ? ('desc' as const) : ('asc' as const),
    page: pageAsked(this.page()),
  }));

  protected readonly agencies = resource({
    id: 'admin.agencies.list',
    loader: () => this.api.agencies.list.query(),
  });
  protected readonly launches = resource({
    id: 'admin.launches.list',
    params: () => this.params(),
    loader: ({ params: { status, from, to, agencyId, ...rest } }) =>
      this.api.launches.list.query({
        ...rest,
        pageSize,
        ...(agencyId ? { agencyId } : {}),
        ...(status ? { status: [status] } : {}),
        ...(from ? { from: new Date(`${from}T00:00:00.000Z`) } : {}),
        ...(to ? { to: new Date(`${to}T23:59:59.999Z`) } : {}),
      }),
  });
  protected readonly pages = computed(() => pageCount(this.launches.value()?.total, pageSize));

  protected readonly sorting = computed((): Sorting => ({
    sort: this.params().sort,
    direction: this.params().direction,
    initial: { sort: 'launchDate', direction: 'asc' },
    directionParam: 'direction',
  }));

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
