import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { invoiceStatuses, invoiceStatusLabels, type InvoiceStatus } from '@astro/domain';
import {
  FiguresComponent,
  FilterFormComponent,
  InvoiceStatusComponent,
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
import { agencyIdOf, dayOf, injectAgencyChoices } from './finance-filters';

// The API's sorts; its input type refuses any other.
const sorts = ['number', 'issueDate', 'dueDate', 'agency', 'amount', 'outstanding', 'status'] as const;
const pageSize = 20;

/** Every invoice issued to the agencies, filtered, sorted and paged by the address, with the totals of what matched. */
@Component({
  selector: 'ab-invoices-page',
  imports: [
    DatePipe,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    FilterFormComponent,
    FiguresComponent,
    InvoiceStatusComponent,
    MoneyPipe,
    PagerComponent,
    SortableHeaderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Invoices</h1>
        <p class="ab-lead">
          The platform’s invoices to agencies: what each was billed, credited and has paid, and what is still owed.
        </p>
      </div>
    </div>

    <ab-filter-form label="Filter invoices" submit="Show invoices" clearTo="/finance/invoices" [sorting]="sorting()">
      <div class="ab-form-row">
        <ab-field for="filter-number" label="Invoice number" hint="All of it, its start, or the sequence (42).">
          <input abControl name="number" type="search" [value]="params().number ?? ''" autocapitalize="characters" />
        </ab-field>
        <ab-field for="filter-status" label="Status">
          <select abControl name="status">
            <option value="" [selected]="!params().status">Any status</option>
            @for (each of statuses; track each) {
              <option [value]="each" [selected]="params().status === each">{{ labels[each] }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-agency" label="Agency">
          <select abControl name="agency">
            <option value="" [selected]="!params().agencyId">Any agency</option>
            @for (each of agencies.value()?.agencies ?? []; track each.id) {
              <option [value]="each.id" [selected]="params().agencyId === each.id">{{ each.displayName }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="filter-from" label="Issued from (UTC)">
          <input abControl name="from" type="date" [value]="params().issuedFrom ?? ''" />
        </ab-field>
        <ab-field for="filter-until" label="Issued until (UTC)">
          <input abControl name="until" type="date" [value]="params().issuedUntil ?? ''" />
        </ab-field>
      </div>
    </ab-filter-form>

    @if (result.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (result.hasValue()) {
      @let found = result.value();
      <p role="status">{{ found.total === 1 ? '1 invoice matches' : found.total + ' invoices match' }}.</p>
      <section class="ab-panel ab-section totals" aria-labelledby="totals-title">
        <h2 id="totals-title">Totals of the matching invoices</h2>
        <ab-figures
          currency="USD"
          [figures]="[
            { term: 'Billed', cents: found.totals.amountCents },
            { term: 'Credited', cents: found.totals.creditedCents },
            { term: 'Paid', cents: found.totals.paidCents },
            { term: 'Outstanding', cents: found.totals.outstandingCents },
          ]"
        />
      </section>
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="invoices-caption" tabindex="0">
        <table class="ab-table">
          <caption id="invoices-caption" class="ab-visually-hidden">
            Invoices, page
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
              <th scope="col" abSortableHeader="number" [sorting]="sorting()">Number</th>
              <th scope="col" abSortableHeader="agency" [sorting]="sorting()">Agency</th>
              <th scope="col">Launch</th>
              <th scope="col" abSortableHeader="issueDate" [sorting]="sorting()">Issued</th>
              <th scope="col" abSortableHeader="dueDate" [sorting]="sorting()">Due</th>
              <th scope="col" class="ab-number" abSortableHeader="amount" [sorting]="sorting()">Amount</th>
              <th scope="col" class="ab-number" abSortableHeader="outstanding" [sorting]="sorting()">Outstanding</th>
              <th scope="col" abSortableHeader="status" [sorting]="sorting()">Status</th>
            </tr>
          </thead>
          <tbody>
            @for (invoice of found.invoices; track invoice.id) {
              <tr>
                <td>
                  <a [routerLink]="['/finance/invoices', invoice.id]"
                    ><code>{{ invoice.number }}</code></a
                  >
                </td>
                <td>{{ invoice.agency.displayName }}</td>
                <td>
                  {{ invoice.launch.missionName }}<br /><span class="ab-hint">{{
                    invoice.launch.launchDate | date: 'd MMM y' : 'UTC'
                  }}</span>
                </td>
                <td>{{ invoice.issueDate | date: 'd MMM y' : 'UTC' }}</td>
                <td>{{ invoice.dueDate | date: 'd MMM y' : 'UTC' }}</td>
                <td class="ab-number">{{ invoice.amountCents | money: invoice.currency }}</td>
                <td class="ab-number">{{ invoice.outstandingCents | money: invoice.currency }}</td>
                <td><ab-invoice-status [status]="invoice.status" /></td>
              </tr>
            } @empty {
              <tr>
                <td colspan="8">No invoices match these filters.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (pages() > 1) {
        <ab-pager [page]="found.page" [pages]="pages()" label="Pages of invoices" />
      }
    } @else {
      <p class="ab-notice" role="status">Loading invoices…</p>
    }
  `,
  styles: `
    .totals h2 {
      margin-top: 0;
    }
  `,
})
export class InvoicesPage {
  private readonly api = injectApi();
  protected readonly statuses = invoiceStatuses;
  protected readonly labels = invoiceStatusLabels;
  protected readonly agencies = injectAgencyChoices();

  // The address's query, bound by the router.
  readonly number = input<string>();
  readonly status = input<string>();
  readonly agency = input<string>();
  readonly from = input<string>();
  readonly until = input<string>();
  readonly sort = input<string>();
  readonly dir = input<string>();
  readonly page = input<string>();

  /** The filter the address asks for; what it cannot mean is left out rather than refused. */
  protected readonly params = computed(() => ({
    number: this.number()?.trim() || undefined,
    status: invoiceStatuses.find((status) => status === this.status()) as InvoiceStatus | undefined,
    agencyId: agencyIdOf(this.agency()),
    issuedFrom: dayOf(this.from()),
    issuedUntil: dayOf(this.until()),
    sort: sorts.find((sort) => sort === this.sort()) ?? ('issueDate' as const),
    direction: this.dir() === 'asc' ? ('asc' as const) : ('desc' as const),
    page: pageAsked(this.page()),
    pageSize,
  }));

  protected readonly result = queryResource({
    id: 'admin.finance.invoices.list',
    params: () => this.params(),
    loader: ({ params }) => this.api.finance.invoices.list.query(params),
  });
  protected readonly pages = computed(() => pageCount(this.result.value()?.total, pageSize));

  protected readonly sorting = computed((): Sorting => ({
    sort: this.params().sort,
    direction: this.params().direction,
    initial: { sort: 'issueDate', direction: 'desc' },
    directionParam: 'dir',
  }));

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
