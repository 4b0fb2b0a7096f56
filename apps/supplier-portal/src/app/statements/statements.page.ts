import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { Period } from '@astro/domain';
import {
  FiguresComponent,
  problemMessage,
  queryResource,
  saveFile,
  statementFigures,
  StatementLinesComponent,
  statementPeriod,
} from '@astro/web-kit';
import { ErrorSummaryComponent, injectSubmission, PeriodFormComponent } from '@astro/web-kit/forms';
import { injectApi } from '../api';

/**
 * The agency's statement of a period: what its launches sold and gave back, the platform fees, and what it keeps.
 * A calendar month by default (this one), or any date range; the period lives in the address.
 */
@Component({
  selector: 'ab-statements-page',
  imports: [DatePipe, ErrorSummaryComponent, FiguresComponent, PeriodFormComponent, StatementLinesComponent],
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

    <ab-period-form
      [period]="period()"
      label="Choose a period"
      submit="Show statement"
      resetTo="/statements"
      resetLabel="This month"
    />

    @if (period().problem; as problem) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem }}</p>
    } @else if (statement.error(); as error) {
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
        <ab-figures [currency]="s.currency" [figures]="figures(s.totals)" />
      </section>

      <ab-statement-lines [statement]="s" launchesPath="/launches" invoicesPath="/invoices" />
    } @else {
      <p class="ab-notice" role="status">Loading the statement…</p>
    }
  `,
})
export class StatementsPage {
  private readonly api = injectApi();

  // The address's query, bound by the router.
  readonly month = input<string>();
  readonly from = input<string>();
  readonly until = input<string>();

  /** A range of days when the address names both ends, else the month it names, else this month. */
  protected readonly period = computed(() =>
    statementPeriod({ month: this.month(), from: this.from(), until: this.until() }, new Date()),
  );
  /** What the API is asked for; nothing while the address names a range that cannot be one. */
  private readonly asked = computed((): Period | undefined => {
    const { from, until, problem } = this.period();
    return problem ? undefined : { from, until };
  });

  protected readonly statement = queryResource({
    id: 'supplier.statements.show',
    params: () => this.asked(),
    loader: ({ params }) => this.api.statements.show.query(params),
  });

  protected readonly download = injectSubmission(signal(null));
  protected readonly downloadCsv = async (): Promise<void> =>
    saveFile(await this.api.statements.csv.query(this.asked()!));
  protected readonly downloadPdf = async (): Promise<void> =>
    saveFile(await this.api.statements.pdf.query(this.asked()!));

  protected readonly figures = statementFigures;

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
