import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import {
  FiguresComponent,
  problemMessage,
  queryResource,
  saveFile,
  statementFigures,
  StatementLinesComponent,
  statementPeriod,
} from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  PeriodFormComponent,
} from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { agencyIdOf, injectAgencyChoices } from './finance-filters';

/**
 * An agency's statement of a period (SPEC.md §6): what its launches sold and refunded, the platform's fees, and what
 * it is paid out. A calendar month unless the address names a date range; agency and period live in the address.
 */
@Component({
  selector: 'ab-statements-page',
  imports: [
    DatePipe,
    ErrorSummaryComponent,
    FieldComponent,
    FieldControlDirective,
    FiguresComponent,
    PeriodFormComponent,
    StatementLinesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ab-page-header">
      <div>
        <h1>Statements</h1>
        <p class="ab-lead">
          An agency’s seat sales, refunds and platform fees over a month or any range of days, and its net payout.
        </p>
      </div>
    </div>

    <ab-period-form
      [period]="period()"
      label="Choose the statement"
      submit="Show the statement"
      resetTo="/finance/statements"
      resetLabel="This month"
    >
      <ab-field for="statement-agency" label="Agency">
        <select abControl name="agency">
          <option value="" [selected]="!agencyId()">Choose an agency</option>
          @for (each of agencies.value()?.agencies ?? []; track each.id) {
            <option [value]="each.id" [selected]="agencyId() === each.id">{{ each.displayName }}</option>
          }
        </select>
      </ab-field>
    </ab-period-form>

    @if (!agencyId()) {
      <p class="ab-notice">Choose an agency to see its statement.</p>
    } @else if (period().problem; as problem) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem }}</p>
    } @else if (statement.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (statement.hasValue()) {
      @let s = statement.value();
      <section class="ab-panel ab-section" aria-labelledby="statement-title">
        <h2 id="statement-title">
          {{ s.agency.displayName }}, {{ period().from | date: 'd MMM y' : 'UTC' }} to
          {{ period().until | date: 'd MMM y' : 'UTC' }}
        </h2>
        <ab-figures [currency]="s.currency" [figures]="figures(s.totals)" />
        <div class="ab-actions">
          <button
            type="button"
            class="ab-button--secondary"
            [disabled]="download.busy()"
            (click)="download.submit(downloadCsv)"
          >
            Download CSV
          </button>
          <button
            type="button"
            class="ab-button--secondary"
            [disabled]="download.busy()"
            (click)="download.submit(downloadPdf)"
          >
            Download PDF
          </button>
        </div>
        <ab-error-summary [for]="download" [level]="3" />
      </section>

      <ab-statement-lines [statement]="s" launchesPath="/launches" invoicesPath="/finance/invoices" />
    } @else {
      <p class="ab-notice" role="status">Loading the statement…</p>
    }
  `,
})
export class StatementsPage {
  private readonly api = injectApi();
  protected readonly agencies = injectAgencyChoices();

  // The address's query, bound by the router.
  readonly agency = input<string>();
  readonly month = input<string>();
  readonly from = input<string>();
  readonly until = input<string>();

  protected readonly agencyId = computed(() => agencyIdOf(this.agency()));
  protected readonly period = computed(() =>
    statementPeriod({ month: this.month(), from: this.from(), until: this.until() }, new Date()),
  );

  private readonly asked = computed(() => {
    const agencyId = this.agencyId();
    const { from, until, problem } = this.period();
    return agencyId && !problem ? { agencyId, from, until } : undefined;
  });
  protected readonly statement = queryResource({
    id: 'admin.finance.statements.show',
    params: () => this.asked(),
    loader: ({ params }) => this.api.finance.statements.show.query(params),
  });

  protected readonly download = injectSubmission(signal(null));
  protected readonly downloadCsv = async () => saveFile(await this.api.finance.statements.csv.query(this.asked()!));
  protected readonly downloadPdf = async () => saveFile(await this.api.finance.statements.pdf.query(this.asked()!));

  protected readonly figures = statementFigures;

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
