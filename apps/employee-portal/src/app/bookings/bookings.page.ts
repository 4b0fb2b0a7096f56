import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BookingSort } from '@astro/api';
import { bookingStatuses, type BookingStatus } from '@astro/domain';
import {
  BookingStatusComponent,
  bookingStatusLabels,
  FilterFormComponent,
  MoneyPipe,
  pageAsked,
  pageCount,
  PagerComponent,
  problemMessage,
  queryResource,
  SortableHeaderComponent,
  type Sorting,
} from '@astro/web-kit';
import { FieldComponent, FieldControlDirective } from '@astro/web-kit/field';
import { injectApi } from '../api';
import { shortReference } from './booking-labels';

const sorts: readonly BookingSort[] = ['bookedAt', 'customerName', 'launchDate', 'totalCents', 'status'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const pageSize = 20;

/** The bookings desk's search: every filter, the sort and the page live in the address, which the server renders. */
@Component({
  selector: 'ab-bookings-page',
  imports: [
    DatePipe,
    RouterLink,
    BookingStatusComponent,
    FieldComponent,
    FieldControlDirective,
    FilterFormComponent,
    MoneyPipe,
    PagerComponent,
    SortableHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Bookings</h1>
        <p class="ab-lead">
          Find a booking by its reference, the customer’s name or e-mail, its launch, agency, status or the day it was
          made.
        </p>
      </div>
    </div>

    <ab-filter-form label="Search bookings" submit="Search bookings" clearTo="/bookings" [sorting]="sorting()">
      <div class="ab-form-row">
        <ab-field for="search-query" label="Reference, name or e-mail">
          <input abControl name="q" type="search" [value]="q() ?? ''" />
        </ab-field>
        <ab-field for="search-status" label="Status">
          <select abControl name="status">
            <option value="" [selected]="!params().status">Any status</option>
            @for (each of statuses; track each) {
              <option [value]="each" [selected]="params().status === each">{{ labels[each] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="search-launch" label="Launch">
          <select abControl name="launch">
            <option value="" [selected]="!params().launchId">Any launch</option>
            @for (each of choices().launches; track each.id) {
              <option [value]="each.id" [selected]="params().launchId === each.id">
                {{ each.missionName }} · {{ each.launchDate | date: 'd MMM y' : 'UTC' }}
              </option>
            }
          </select>
        </ab-field>
        <ab-field for="search-agency" label="Agency">
          <select abControl name="agency">
            <option value="" [selected]="!params().agencyId">Any agency</option>
            @for (each of choices().agencies; track each.id) {
              <option [value]="each.id" [selected]="params().agencyId === each.id">{{ each.displayName }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="search-from" label="Booked from (UTC)">
          <input abControl name="from" type="date" [value]="params().bookedFrom ?? ''" />
        </ab-field>
        <ab-field for="search-to" label="Booked until (UTC)">
          <input abControl name="to" type="date" [value]="params().bookedTo ?? ''" />
        </ab-field>
      </div>
    </ab-filter-form>

    @if (result.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (result.hasValue()) {
      @let found = result.value();
      <p role="status">{{ found.total === 1 ? '1 booking matches' : found.total + ' bookings match' }}.</p>
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="bookings-caption" tabindex="0">
        <table class="ab-table">
          <caption id="bookings-caption" class="ab-visually-hidden">
            Bookings, page
            {{
              found.page
            }}
            of
            {{
              pages()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col" abSortableHeader="customerName" [sorting]="sorting()">Customer</th>
              <th scope="col" abSortableHeader="launchDate" [sorting]="sorting()">Launch</th>
              <th scope="col">Agency</th>
              <th scope="col" class="ab-number">Seats</th>
              <th scope="col" abSortableHeader="status" [sorting]="sorting()">Status</th>
              <th scope="col" class="ab-number" abSortableHeader="totalCents" [sorting]="sorting()">Total</th>
              <th scope="col" abSortableHeader="bookedAt" [sorting]="sorting()">Booked (UTC)</th>
            </tr>
          </thead>
          <tbody>
            @for (booking of found.bookings; track booking.id) {
              <tr>
                <td>
                  <a [routerLink]="['/bookings', booking.id]" [attr.aria-label]="'Booking ' + reference(booking.id)">
                    <code>{{ reference(booking.id) }}</code>
                  </a>
                </td>
                <td>
                  {{ booking.customerName }}<br /><span class="ab-hint">{{ booking.customerEmail }}</span>
                </td>
                <td>
                  {{ booking.launch.missionName }}<br /><span class="ab-hint">{{
                    booking.launch.launchDate | date: 'd MMM y' : 'UTC'
                  }}</span>
                </td>
                <td>{{ booking.agency.displayName }}</td>
                <td class="ab-number">{{ booking.seats }}</td>
                <td>
                  <ab-booking-status [status]="booking.status" />
                  @if (booking.cancellationPending) {
                    <span class="ab-badge ab-badge--warn">Cancellation pending</span>
                  }
                </td>
                <td class="ab-number">{{ booking.totalCents | money: booking.currency }}</td>
                <td>{{ booking.bookedAt | date: 'd MMM y' : 'UTC' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="8">No bookings match these filters.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (pages() > 1) {
        <ab-pager [page]="found.page" [pages]="pages()" label="Pages of bookings" />
      }
    } @else {
      <p class="ab-notice" role="status">Loading bookings…</p>
    }
  `,
})
export class BookingsPage {
  private readonly api = injectApi();
  protected readonly statuses = bookingStatuses;
  protected readonly labels = bookingStatusLabels;
  protected readonly reference = shortReference;

  // The address's query, bound by the router.
  readonly q = input<string>();
  readonly status = input<string>();
  readonly launch = input<string>();
  readonly agency = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly sort = input<string>();
  readonly dir = input<string>();
  readonly page = input<string>();

  /** The search the address asks for; what it cannot mean is left out rather than refused. */
  protected readonly params = computed(() => ({
    query: this.q()?.trim() || undefined,
    status: bookingStatuses.find((status) => status === this.status()) as BookingStatus | undefined,
    launchId: uuid.test(this.launch() ?? '') ? this.launch() : undefined,
    agencyId: uuid.test(this.agency() ?? '') ? this.agency() : undefined,
    bookedFrom: isoDay.test(this.from() ?? '') ? this.from() : undefined,
    bookedTo: isoDay.test(this.to() ?? '') ? this.to() : undefined,
    sort: sorts.find((sort) => sort === this.sort()) ?? ('bookedAt' as const),
    direction: this.dir() === 'asc' ? ('asc' as const) : ('desc' as const),
    page: pageAsked(this.page()),
    pageSize,
  }));

  protected readonly result = queryResource({
    id: 'admin.bookings.search',
    params: () => this.params(),
    loader: ({ params }) => this.api.bookings.search.query(params),
  });
  protected readonly choices = computed(() =>
    this.result.hasValue() ? this.result.value().choices : { launches: [], agencies: [] },
  );
  protected readonly pages = computed(() => pageCount(this.result.value()?.total, pageSize));

  protected readonly sorting = computed((): Sorting => ({
    sort: this.params().sort,
    direction: this.params().direction,
    initial: { sort: 'bookedAt', direction: 'desc' },
    directionParam: 'dir',
  }));

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
