import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StatementTotals } from '@astro/domain';
import { MoneyPipe } from '../money.pipe.ts';

/** One amount of a row of totals: its name and its cents. */
export interface Figure {
  term: string;
  cents: number;
}

/** A statement's totals as both portals name them, in the order they add up to the net payout. */
export const statementFigures = (totals: StatementTotals): Figure[] => [
  { term: 'Gross seat sales', cents: totals.grossCents },
  { term: 'Refunds', cents: totals.refundsCents },
  { term: 'Platform fees', cents: totals.feesCents },
  { term: 'Net payout', cents: totals.netPayoutCents },
];

/** A row of totals (billed, paid, net payout …), large enough to read at a glance, wrapping on a narrow screen. */
@Component({
  selector: 'ab-figures',
  imports: [MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="figures">
      @for (figure of figures(); track figure.term) {
        <div>
          <dt>{{ figure.term }}</dt>
          <dd>{{ figure.cents | money: currency() }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: var(--ab-space-3);
      margin: 0 0 var(--ab-space-3);
    }
    dt {
      color: var(--ab-ink-muted);
    }
    dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 700;
    }
  `,
})
export class FiguresComponent {
  readonly figures = input.required<readonly Figure[]>();
  readonly currency = input.required<string>();
}
