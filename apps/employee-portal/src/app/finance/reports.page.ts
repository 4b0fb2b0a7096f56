import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { monthPeriod, periodProblem } from '@astro/domain';
import { FiguresComponent, monthAt, MoneyPipe, problemMessage, queryResource, saveFile } from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  PeriodFormComponent,
} from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { agencyIdOf, dayOf, injectAgencyChoices } from './finance-filters';
import { RevenueChartComponent } from './revenue-chart.component';

/** The twelve calendar months (UTC) up to and including the one `now` is in: the report's period unless one is asked for. */
function lastTwelveMonths(now: Date) {
  const first = monthAt(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)));
  return { from: monthPeriod(first).from, until: monthPeriod(monthAt(now)).until };
}

/**
 * The platform's money over a period: seat revenue per agency and per month, the fees on it, what the agencies
 * have paid of them and what is still to come, and refunds; with a chart drawn by the server and a CSV.
 */
@Component({
  selector: 'ab-reports-page',
  imports: [
    NgTemplateOutlet,
    ErrorSummaryComponent,
    FieldComponent,
    FieldControlDirective,
    FiguresComponent,
    MoneyPipe,
    PeriodFormComponent,
    RevenueChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Finance reports</h1>
        <p class="ab-lead">
          Seat revenue and refunds, platform fees, and the fees collected and still pending, per month and agency.
        </p>
      </div>
    </div>

    <ab-period-form
      [period]="period()"
      label="Filter the report"
      submit="Show the report"
      resetTo="/finance/reports"
      resetLabel="The last twelve months"
    >
      <ab-field for="report-agency" label="Agency">
        <select abControl name="agency">
          <option value="" [selected]="!agencyId()">Every agency</option>
          @for (each of agencies.value()?.agencies ?? []; track each.id) {
            <option [value]="each.id" [selected]="agencyId() === each.id">{{ each.displayName }}</option>
          }
        </select>
      </ab-field>
    </ab-period-form>

    @if (period().problem; as problem) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem }}</p>
    } @else if (report.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (report.hasValue()) {
      @let r = report.value();
      <section class="ab-panel ab-section" aria-labelledby="totals-title">
        <h2 id="totals-title">Totals</h2>
        <ab-figures
          [currency]="r.currency"
          [figures]="[
            { term: 'Seat sales', cents: r.totals.grossCents },
            { term: 'Refunds', cents: r.totals.refundsCents },
            { term: 'Net seat revenue', cents: r.totals.netRevenueCents },
            { term: 'Platform fees', cents: r.totals.feesCents },
            { term: 'Collected', cents: r.totals.collectedCents },
            { term: 'Pending', cents: r.totals.pendingCents },
          ]"
        />
        <div class="ab-actions">
          <button
            type="button"
            class="ab-button--secondary"
            [disabled]="download.busy()"
            (click)="download.submit(downloadCsv)"
          >
            Download CSV
          </button>
        </div>
        <ab-error-summary [for]="download" [level]="3" />
      </section>

      <section class="ab-panel ab-section" aria-labelledby="months-title">
        <h2 id="months-title">Per month</h2>
        <div class="ab-table-region" role="region" aria-label="Chart of revenue and fees per month" tabindex="0">
          <ab-revenue-chart [months]="r.months" />
        </div>
        <div class="ab-table-region" role="region" aria-labelledby="months-caption" tabindex="0">
          <table class="ab-table">
            <caption id="months-caption">
              Per month, the chart’s figures
            </caption>
            <ng-container *ngTemplateOutlet="figureHeads; context: { $implicit: 'Month' }" />
            <tbody>
              @for (row of r.months; track row.month) {
                <tr>
                  <th scope="row">{{ row.month }}</th>
                  <ng-container *ngTemplateOutlet="figureCells; context: { $implicit: row, currency: r.currency }" />
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="agencies-title">
        <h2 id="agencies-title">Per agency and month</h2>
        <div class="ab-table-region" role="region" aria-labelledby="agencies-title" tabindex="0">
          <table class="ab-table">
            <ng-container *ngTemplateOutlet="figureHeads; context: { $implicit: 'Agency, month' }" />
            <tbody>
              @for (row of r.rows; track row.month + row.agency.id) {
                <tr>
                  <th scope="row">
                    {{ row.agency.displayName }}<br /><span class="ab-hint">{{ row.month }}</span>
                  </th>
                  <ng-container *ngTemplateOutlet="figureCells; context: { $implicit: row, currency: r.currency }" />
                </tr>
              } @empty {
                <tr>
                  <td colspan="7">No agency sold seats, was invoiced or paid in this period.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <ng-template #figureHeads let-first>
        <thead>
          <tr>
            <th scope="col">{{ first }}</th>
            <th scope="col" class="ab-number">Seat sales</th>
            <th scope="col" class="ab-number">Refunds</th>
            <th scope="col" class="ab-number">Net seat revenue</th>
            <th scope="col" class="ab-number">Platform fees</th>
            <th scope="col" class="ab-number">Collected</th>
            <th scope="col" class="ab-number">Pending</th>
          </tr>
        </thead>
      </ng-template>
      <ng-template #figureCells let-row let-currency="currency">
        <td class="ab-number">{{ row.grossCents | money: currency }}</td>
        <td class="ab-number">{{ row.refundsCents | money: currency }}</td>
        <td class="ab-number">{{ row.netRevenueCents | money: currency }}</td>
        <td class="ab-number">{{ row.feesCents | money: currency }}</td>
        <td class="ab-number">{{ row.collectedCents | money: currency }}</td>
        <td class="ab-number">{{ row.pendingCents | money: currency }}</td>
      </ng-template>
    } @else {
      <p class="ab-notice" role="status">Loading the report…</p>
    }
  `,
  styles: `
    caption {
      text-align: left;
      font-weight: 700;
      padding-bottom: var(--ab-space-2);
    }
  `,
})
export class ReportsPage {
  private readonly api = injectApi();
  protected readonly agencies = injectAgencyChoices();

  // The address's query, bound by the router.
  readonly from = input<string>();
  readonly until = input<string>();
  readonly agency = input<string>();

  protected readonly agencyId = computed(() => agencyIdOf(this.agency()));
  protected readonly period = computed(() => {
    const fallback = lastTwelveMonths(new Date());
    const period = { from: dayOf(this.from()) ?? fallback.from, until: dayOf(this.until()) ?? fallback.until };
    return { ...period, problem: periodProblem(period) };
  });

  private readonly asked = computed(() => {
    const { from, until, problem } = this.period();
    const agencyId = this.agencyId();
    return problem ? undefined : { from, until, ...(agencyId ? { agencyId } : {}) };
  });
  protected readonly report = queryResource({
    id: 'admin.finance.reports.show',
    params: () => this.asked(),
    loader: ({ params }) => this.api.finance.reports.show.query(params),
  });

  protected readonly download = injectSubmission(signal(null));
  protected readonly downloadCsv = async () => saveFile(await this.api.finance.reports.csv.query(this.asked()!));

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
