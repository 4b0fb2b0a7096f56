import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MoneyPipe } from '../money.pipe.ts';

/** What an agency's statement lists, as both portals show it. */
export interface StatementLines {
  currency: string;
  launches: readonly {
    launchId: string;
    missionName: string;
    launchDate: string;
    salesCents: number;
    refundsCents: number;
  }[];
  documents: readonly {
    kind: 'invoice' | 'credit-note';
    id: string;
    number: string;
    issueDate: string;
    invoiceId: string;
    invoiceNumber: string;
    missionName: string;
    amountCents: number;
  }[];
}

/** A statement's seat sales and refunds by launch, and the invoices and credit notes that make its platform fees. */
@Component({
  selector: 'ab-statement-lines',
  imports: [DatePipe, RouterLink, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = statement();
    <section class="ab-panel ab-section" aria-labelledby="statement-launches-title">
      <h2 id="statement-launches-title">Seat sales and refunds by launch</h2>
      <div class="ab-table-region" role="region" aria-labelledby="statement-launches-title" tabindex="0">
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
                  <a [routerLink]="[launchesPath(), launch.launchId]">{{ launch.missionName }}</a>
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

    <section class="ab-panel ab-section" aria-labelledby="statement-documents-title">
      <h2 id="statement-documents-title">Platform fees: invoices and credit notes issued</h2>
      <div class="ab-table-region" role="region" aria-labelledby="statement-documents-title" tabindex="0">
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
                  <a [routerLink]="[invoicesPath(), document.invoiceId]"
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
  `,
})
export class StatementLinesComponent {
  readonly statement = input.required<StatementLines>();
  /** Where the app shows a launch (`/launches`) and an invoice (`/invoices`, `/finance/invoices`). */
  readonly launchesPath = input.required<string>();
  readonly invoicesPath = input.required<string>();
}
