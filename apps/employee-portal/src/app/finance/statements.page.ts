import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { monthPeriod, periodProblem } from '@astro/domain';
import { injectFilterSubmit, MoneyPipe, problemMessage, queryResource, saveFile } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { signal } from '@angular/core';
import { injectApi } from '../api';
import { agencyIdOf, dayOf, injectAgencyChoices, monthAt, monthOf } from './finance-filters';

/**
 * An agency's statement of a period (SPEC.md §6): what its launches sold and refunded, the platform's fees, and what
 * it is paid out. A calendar month unless the address names a date range; agency and period live in the address.
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
          An agency’s seat sales, refunds and platform fees over a month or any range of days, and its net payout.
        </p>
      </div>
    </div>

    <form
      class="ab-panel ab-form filters"
      method="get"
      action=""
      aria-label="Choose the statement"
      (submit)="show($event)"
    >
      <div class="ab-form-row">
        <ab-field for="statement-agency" label="Agency">
          <select abControl name="agency">
            <option value="" [selected]="!agencyId()">Choose an agency</option>
            @for (each of agencies.value()?.agencies ?? []; track each.id) {
              <option [value]="each.id" [selected]="agencyId() === each.id">{{ each.displayName }}</option>
            }
          </select>
        </ab-field>
        <ab-field for="statement-month" label="Month" hint="Year and month, for example 2026-11.">
          <input abControl name="month" type="month" [value]="period().month ?? ''" />
        </ab-field>
      </div>
      <fieldset class="range">
        <legend>Or a range of days (UTC), instead of the month</legend>
        <div class="ab-form-row">
          <ab-field for="statement-from" label="From">
            <input abControl name="from" type="date" [value]="period().range ? period().from : ''" />
          </ab-field>
          <ab-field for="statement-until" label="Until">
            <input abControl name="until" type="date" [value]="period().range ? period().until : ''" />
          </ab-field>
        </div>
      </fieldset>
      <div class="ab-actions">
        <button type="submit">Show the statement</button>
        <a routerLink="/finance/statements">This month</a>
      </div>
    </form>

    @if (!agencyId()) {
      <p class="ab-notice">Choose an agency to see its statement.</p>
    } @else if (period().problem; as problem) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem }}</p>
    } @else if (statement.error(); as error) {
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (statement.hasValue()) {
      @let s = statement.value();
      <section class="ab-panel section" aria-labelledby="statement-title">
        <h2 id="statement-title">
          {{ s.agency.displayName }}, {{ period().from | date: 'd MMM y' : 'UTC' }} to
          {{ period().until | date: 'd MMM y' : 'UTC' }}
        </h2>
        <dl class="figures">
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

      <section class="ab-panel section" aria-labelledby="launches-title">
        <h2 id="launches-title">Seat sales and refunds by launch</h2>
        <div class="ab-table-region" role="region" aria-labelledby="launches-title" tabindex="0">
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

      <section class="ab-panel section" aria-labelledby="documents-title">
        <h2 id="documents-title">Platform fees: invoices and credit notes issued</h2>
        <div class="ab-table-region" role="region" aria-labelledby="documents-title" tabindex="0">
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
                    <a [routerLink]="['/finance/invoices', document.invoiceId]"
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
                  <td colspan="4">No invoice or credit note was issued to the agency in this period.</td>
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
    .section {
      margin-bottom: var(--ab-space-5);
    }
    .section {
      padding: var(--ab-space-4);
    }
    .range {
      border: 0;
      padding: 0;
      margin: var(--ab-space-3) 0 0;
    }
    .range legend {
      font-weight: 700;
      padding: 0;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--ab-space-3);
    }
    .figures dt {
      color: var(--ab-ink-muted);
    }
    .figures dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 700;
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
  /** A range of days when the address names both ends, else the month it names, else this month. */
  protected readonly period = computed(() => {
    const [from, until] = [dayOf(this.from()), dayOf(this.until())];
    if (from && until) return { range: true, month: null, from, until, problem: periodProblem({ from, until }) };
    const month = monthOf(this.month()) ?? monthAt(new Date());
    return { range: false, month, ...monthPeriod(month), problem: null };
  });

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

  protected readonly show = injectFilterSubmit();
  protected readonly download = injectSubmission(signal(null));
  protected readonly downloadCsv = async () => saveFile(await this.api.finance.statements.csv.query(this.asked()!));
  protected readonly downloadPdf = async () => saveFile(await this.api.finance.statements.pdf.query(this.asked()!));

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
