import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { monthPeriod, periodProblem, type Period } from '@astro/domain';
import { injectFilterSubmit, MoneyPipe, problemMessage, queryResource, saveFile } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';

const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The agency's statement of a period: what its launches sold and gave back, the platform fees, and what it keeps.
 * A calendar month by default (this one), or any date range; the period lives in the address.
 */
@Component({
  selector: 'ab-statements-page',
  imports: [DatePipe, RouterLink, ErrorSummaryComponent, FieldComponent, FieldControlDirective, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Statements</h1>
        <p class="ab-lead">
          Seat sales captured and refunds given on your launches in a period, the platform fees invoiced in it, and your
          net payout.
        </p>
      </div>
    </div>

    <!-- A plain GET form: the period becomes the page's address, and the server renders the statement. -->
    <form
      class="ab-panel ab-form filters"
      method="get"
      action=""
      aria-label="Choose a period"
      (submit)="choose($event)"
    >
      <div class="ab-form-row">
        <ab-field for="period-month" label="Month" hint="A calendar month, in UTC.">
          <input abControl name="month" type="month" [value]="period().month ?? ''" />
        </ab-field>
      </div>
      <fieldset class="range">
        <legend>Or a date range (UTC), which wins over the month</legend>
        <div class="ab-form-row">
          <ab-field for="period-from" label="From">
            <input abControl name="from" type="date" [value]="period().range ? period().from : ''" />
          </ab-field>
          <ab-field for="period-until" label="Until">
            <input abControl name="until" type="date" [value]="period().range ? period().until : ''" />
          </ab-field>
        </div>
      </fieldset>
      <div class="ab-actions">
        <button type="submit">Show statement</button>
        <a routerLink="/statements">This month</a>
      </div>
    </form>

    @if (period().problem; as problem) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem }} This statement is of this month instead.</p>
    }
    @if (statement.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (statement.hasValue()) {
      @let s = statement.value();
      <section class="ab-panel ab-section" aria-labelledby="totals-title">
        <div class="ab-page-header">
          <h2 id="totals-title">
            {{ s.period.from | date: 'd MMM y' : 'UTC' }} to {{ s.period.until | date: 'd MMM y' : 'UTC' }}
          </h2>
          <div class="ab-actions">
            <button
              type="button"
              class="ab-button--secondary"
              [disabled]="download.busy()"
              (click)="download.submit(downloadCsv)"
            >
              Download statement (CSV)
            </button>
            <button
              type="button"
              class="ab-button--secondary"
              [disabled]="download.busy()"
              (click)="download.submit(downloadPdf)"
            >
              Download statement (PDF)
            </button>
          </div>
        </div>
        <ab-error-summary [for]="download" [level]="3" />
        <dl class="ab-facts">
          <div>
            <dt>Gross seat sales</dt>
            <dd>{{ s.totals.grossCents | money: s.currency }}</dd>
          </div>
          <div>
            <dt>Refunds</dt>
            <dd>{{ s.totals.refundsCents | money: s.currency }}</dd>
          </div>
          <div>
            <dt>Platform fees</dt>
            <dd>{{ s.totals.feesCents | money: s.currency }}</dd>
          </div>
          <div>
            <dt>Net payout</dt>
            <dd>{{ s.totals.netPayoutCents | money: s.currency }}</dd>
          </div>
        </dl>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="launches-title">
        <h2 id="launches-title">Seat sales and refunds by launch</h2>
        <div class="ab-table-region" role="region" aria-label="Seat sales and refunds, a row per launch" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Launch</th>
                <th scope="col">Launch date</th>
                <th scope="col" class="ab-number">Seat sales</th>
                <th scope="col" class="ab-number">Refunds</th>
              </tr>
            </thead>
            <tbody>
              @for (launch of s.launches; track launch.launchId) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/launches', launch.launchId]">{{ launch.missionName }}</a>
                  </th>
                  <td>{{ launch.launchDate | date: 'd MMM y' : 'UTC' }}</td>
                  <td class="ab-number">{{ launch.salesCents | money: s.currency }}</td>
                  <td class="ab-number">{{ launch.refundsCents | money: s.currency }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4">No seat was sold or refunded in this period.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="documents-title">
        <h2 id="documents-title">Platform fees: invoices and credit notes issued</h2>
        <div class="ab-table-region" role="region" aria-label="Invoices and credit notes, a row each" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Issued</th>
                <th scope="col">Launch</th>
                <th scope="col" class="ab-number">Amount</th>
              </tr>
            </thead>
            <tbody>
              @for (document of s.documents; track document.id) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/invoices', document.invoiceId]"
                      ><code>{{ document.number }}</code></a
                    >
                    @if (document.kind === 'credit-note') {
                      <br /><span class="ab-hint">Credit note on {{ document.invoiceNumber }}</span>
                    }
                  </th>
                  <td>{{ document.issueDate | date: 'd MMM y' : 'UTC' }}</td>
                  <td>{{ document.missionName }}</td>
                  <td class="ab-number">{{ document.amountCents | money: s.currency }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4">No invoice or credit note was issued to your agency in this period.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    } @else {
      <p class="ab-notice" role="status">Loading the statement…</p>
    }
  `,
  styles: `
    .filters,
    .ab-section {
      margin-bottom: var(--ab-space-5);
    }
    .ab-section {
      padding: var(--ab-space-4);
    }
    .range {
      border: 0;
      padding: 0;
      margin: 0;
    }
    .ab-facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--ab-space-3);
    }
    .ab-facts dt {
      color: var(--ab-ink-muted);
    }
    .ab-facts dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 700;
    }
  `,
})
export class StatementsPage {
  private readonly api = injectApi();

  // The address's query, bound by the router.
  readonly month = input<string>();
  readonly from = input<string>();
  readonly until = input<string>();

  /** The period the address asks for: a date range if it names a usable one, else its month, else this month. */
  protected readonly period = computed((): Period & { month?: string; range: boolean; problem?: string } => {
    const from = this.from();
    const until = this.until();
    if (from || until) {
      const range = { from: from ?? '', until: until ?? '' };
      const problem = periodProblem(range);
      if (!problem) return { ...range, range: true };
      return { ...monthPeriod(thisMonth()), month: thisMonth(), range: false, problem };
    }
    const month = isoMonth.test(this.month() ?? '') ? this.month()! : thisMonth();
    return { ...monthPeriod(month), month, range: false };
  });

  protected readonly statement = queryResource({
    id: 'supplier.statements.show',
    params: () => ({ from: this.period().from, until: this.period().until }),
    loader: ({ params }) => this.api.statements.show.query(params),
  });

  protected readonly choose = injectFilterSubmit();
  protected readonly download = injectSubmission(signal(null));
  protected readonly downloadCsv = async (): Promise<void> =>
    saveFile(await this.api.statements.csv.query(this.chosen()));
  protected readonly downloadPdf = async (): Promise<void> =>
    saveFile(await this.api.statements.pdf.query(this.chosen()));
  private chosen(): Period {
    return { from: this.period().from, until: this.period().until };
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}

/** The calendar month (UTC) it is now, the statement's default. */
const thisMonth = () => new Date().toISOString().slice(0, 7);
