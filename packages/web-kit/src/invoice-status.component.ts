import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { invoiceStatusLabels, type InvoiceStatus } from '@astro/domain';

const badges: Record<InvoiceStatus, string> = {
  issued: 'ab-badge',
  partially_paid: 'ab-badge ab-badge--warn',
  paid: 'ab-badge ab-badge--good',
  overdue: 'ab-badge ab-badge--bad',
  credited: 'ab-badge',
};

/** An invoice's status as a badge in words, the same to finance and to the agency it is billed to. */
@Component({
  selector: 'ab-invoice-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="badges[status()]">{{ labels[status()] }}</span>`,
})
export class InvoiceStatusComponent {
  readonly status = input.required<InvoiceStatus>();
  protected readonly labels = invoiceStatusLabels;
  protected readonly badges = badges;
}
