import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FeeRule } from '@astro/domain';
import { MoneyPipe } from '../money.pipe.ts';

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
  imports: [MoneyPipe],
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
      <dl class="rule">
        <dt>Seat payments captured</dt>
        <dd>{{ i.feeRule.capturedCents | money: i.currency }}</dd>
        <dt>Refunds given</dt>
        <dd>{{ i.feeRule.refundedCents | money: i.currency }}</dd>
        <dt>Net seat revenue</dt>
        <dd>{{ i.feeRule.netRevenueCents | money: i.currency }}</dd>
        <dt>Rate</dt>
        <dd>{{ i.feeRule.rateBasisPoints / 100 }}%</dd>
      </dl>
    }
  `,
  styles: `
    .rule {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--ab-space-2) var(--ab-space-3);
    }
    .rule dt {
      color: var(--ab-ink-muted);
    }
    .rule dd {
      margin: 0;
    }
  `,
})
export class InvoiceChargesComponent {
  readonly invoice = input.required<InvoiceCharges>();
}
