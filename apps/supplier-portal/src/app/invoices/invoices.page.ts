import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { invoiceStatuses, invoiceStatusLabels, type InvoiceStatus } from '@astro/domain';
import {
  FilterFormComponent,
  InvoiceStatusComponent,
  MoneyPipe,
  pageAsked,
  pageCount,
  PagerComponent,
  problemMessage,
  queryResource,
  saveFile,
} from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';

const pageSize = 20;

/** The agency's invoices, newest first: what each asks for, what is still outstanding, and its PDF. */
@Component({
  selector: 'ab-invoices-page',
  imports: [
    DatePipe,
    RouterLink,
    ErrorSummaryComponent,
    FieldComponent,
    FieldControlDirective,
    FilterFormComponent,
    InvoiceStatusComponent,
    MoneyPipe,
    PagerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Invoices</h1>
        <p class="ab-lead">
          Astro Bookings invoices each launch once its bookings are settled: a share of its net seat revenue, or a flat
          fee for an aborted launch. Each invoice is due 30 days after it is issued.
        </p>
      </div>
    </div>

    <ab-filter-form label="Filter invoices" submit="Show invoices" clearTo="/invoices" clearLabel="Clear filter">
      <div class="ab-form-row">
        <ab-field for="filter-status" label="Status">
          <select abControl name="status">
            <option value="" [selected]="!params().status">Any status</option>
            @for (each of statuses; track each) {
              <option [value]="each" [selected]="params().status === each">{{ labels[each] }}</option>
            }
          </select>
        </ab-field>
      </div>
    </ab-filter-form>

    <ab-error-summary [for]="pdf" [level]="2" />
    @if (result.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (result.hasValue()) {
      @let found = result.value();
      <p role="status">{{ found.total === 1 ? '1 invoice matches' : found.total + ' invoices match' }}.</p>
      <div class="ab-panel ab-table-region" role="region" aria-labelledby="invoices-caption" tabindex="0">
        <table class="ab-table">
          <caption id="invoices-caption" class="ab-visually-hidden">
            Your agency's invoices, page
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
              <th scope="col">Number</th>
              <th scope="col">Launch</th>
              <th scope="col">Issued</th>
              <th scope="col">Due</th>
              <th scope="col" class="ab-number">Amount</th>
              <th scope="col" class="ab-number">Outstanding</th>
              <th scope="col">Status</th>
              <th scope="col">PDF</th>
            </tr>
          </thead>
          <tbody>
            @for (invoice of found.invoices; track invoice.id) {
              <tr>
                <td>
                  <a [routerLink]="['/invoices', invoice.id]">{{ invoice.number }}</a>
                </td>
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
                <td>
                  <button
                    type="button"
                    class="ab-button--secondary"
                    [disabled]="pdf.busy()"
                    (click)="pdf.submit(downloadPdf(invoice.id))"
                  >
                    PDF<span class="ab-visually-hidden"> of invoice {{ invoice.number }}</span>
                  </button>
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="8">
                  {{ params().status ? 'No invoices have this status.' : 'Your agency has no invoices yet.' }}
                </td>
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
})
export class InvoicesPage {
  private readonly api = injectApi();
  protected readonly statuses = invoiceStatuses;
  protected readonly labels = invoiceStatusLabels;

  // The address's query, bound by the router.
  readonly status = input<string>();
  readonly page = input<string>();

  /** The list the address asks for; what it cannot mean is left out rather than refused. */
  protected readonly params = computed(() => ({
    status: invoiceStatuses.find((status) => status === this.status()) as InvoiceStatus | undefined,
    page: pageAsked(this.page()),
    pageSize,
  }));

  protected readonly result = queryResource({
    id: 'supplier.invoices.list',
    params: () => this.params(),
    loader: ({ params }) => this.api.invoices.list.query(params),
  });
  protected readonly pages = computed(() => pageCount(this.result.value()?.total, pageSize));

  protected readonly pdf = injectSubmission(signal(null));
  protected downloadPdf(invoiceId: string): () => Promise<void> {
    return async () => saveFile(await this.api.invoices.pdf.query({ invoiceId }));
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
