import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FeeRule } from '@astro/domain';
import { MoneyPipe } from '../money.pipe.ts';
import { FiguresComponent } from './figures.component.ts';

/** What an invoice charges, as both portals show it. */
export interface InvoiceCharges {
  lines: readonly { description: string; amountCents: number }[];
  feeRule: FeeRule;
  feeRuleDescription: string;
  amountCents: number;
  currency: string;
}

/** An invoice's lines and the rule that produced its amount (rate, revenue, refunds, or the abort fee). */
@Component({
  selector: 'ab-invoice-charges',
  imports: [FiguresComponent, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let i = invoice();
    <h2 id="charges-title">What it charges</h2>
    <div class="ab-table-region" role="region" aria-labelledby="charges-title" tabindex="0">
      <table class="ab-table">
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col" class="ab-number">Amount</th>
          </tr>
        </thead>
        <tbody>
          @for (line of i.lines; track $index) {
            <tr>
              <td>{{ line.description }}</td>
              <td class="ab-number">{{ line.amountCents | money: i.currency }}</td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td class="ab-number">{{ i.amountCents | money: i.currency }}</td>
          </tr>
        </tfoot>
      </table>
    </div>
    <h3>How the amount was worked out</h3>
    <p>{{ i.feeRuleDescription }}.</p>
    @if (i.feeRule.kind === 'seat-revenue') {
      <ab-figures
        [currency]="i.currency"
        [figures]="[
          { term: 'Seat payments captured', cents: i.feeRule.capturedCents },
          { term: 'Refunds given', cents: i.feeRule.refundedCents },
          { term: 'Net seat revenue', cents: i.feeRule.netRevenueCents },
        ]"
      />
      <p>At {{ i.feeRule.rateBasisPoints / 100 }}% of the net seat revenue.</p>
    }
  `,
})
export class InvoiceChargesComponent {
  readonly invoice = input.required<InvoiceCharges>();
}
