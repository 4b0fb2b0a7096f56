import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  FiguresComponent,
  InvoiceChargesComponent,
  InvoiceStatusComponent,
  MoneyPipe,
  NotFoundPage,
  problemCode,
  problemMessage,
  queryResource,
  saveFile,
} from '@astro/web-kit';
import { ErrorSummaryComponent, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';

/**
 * One of the agency's invoices, where the "invoice issued" e-mail leads: what it charges and why, what lowered it,
 * what was paid, the reminders sent, what is still outstanding and how to pay it. Another agency's is not found.
 */
@Component({
  selector: 'ab-invoice-page',
  imports: [
    DatePipe,
    RouterLink,
    ErrorSummaryComponent,
    FiguresComponent,
    InvoiceChargesComponent,
    InvoiceStatusComponent,
    MoneyPipe,
    NotFoundPage,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (invoice.error(); as error) {
      @if (notFound(error)) {
        <ab-not-found-page />
      } @else {
        <p><a routerLink="/invoices">← All invoices</a></p>
        <h1>Invoice</h1>
        <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
      }
    } @else if (invoice.hasValue()) {
      @let i = invoice.value();
      <p><a routerLink="/invoices">← All invoices</a></p>
      <div class="ab-page-header">
        <div>
          <h1>Invoice {{ i.number }}</h1>
          <p class="ab-lead">
            <ab-invoice-status [status]="i.status" />
            {{ i.launch.missionName }} · issued {{ i.issueDate | date: 'd MMM y' : 'UTC' }} · due
            {{ i.dueDate | date: 'd MMM y' : 'UTC' }}
          </p>
        </div>
        <button
          type="button"
          class="ab-button--secondary"
          [disabled]="pdf.busy()"
          (click)="pdf.submit(downloadInvoicePdf)"
        >
          Download invoice (PDF)
        </button>
      </div>
      <ab-error-summary [for]="pdf" [level]="2" />

      <section class="ab-panel ab-section" aria-labelledby="balance-title">
        <h2 id="balance-title">Balance</h2>
        <ab-figures
          [currency]="i.currency"
          [figures]="[
            { term: 'Amount', cents: i.amountCents },
            { term: 'Credited', cents: i.creditedCents },
            { term: 'Paid', cents: i.paidCents },
            { term: 'Outstanding', cents: i.outstandingCents },
          ]"
        />
      </section>

      <section class="ab-panel ab-section" aria-labelledby="charges-title">
        <ab-invoice-charges [invoice]="i" />
      </section>

      <section class="ab-panel ab-section" aria-labelledby="credit-notes-title">
        <h2 id="credit-notes-title">Credit notes</h2>
        @if (i.creditNotes.length) {
          <div
            class="ab-table-region"
            role="region"
            [attr.aria-label]="'Credit notes on invoice ' + i.number"
            tabindex="0"
          >
            <table class="ab-table">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Reason</th>
                  <th scope="col" class="ab-number">Amount</th>
                  <th scope="col">PDF</th>
                </tr>
              </thead>
              <tbody>
                @for (note of i.creditNotes; track note.id) {
                  <tr>
                    <td>{{ note.number }}</td>
                    <td>{{ note.issueDate | date: 'd MMM y' : 'UTC' }}</td>
                    <td>{{ note.reason }}</td>
                    <td class="ab-number">{{ note.amountCents | money: i.currency }}</td>
                    <td>
                      <button
                        type="button"
                        class="ab-button--secondary"
                        [disabled]="pdf.busy()"
                        [attr.aria-label]="'Download credit note ' + note.number + ' (PDF)'"
                        (click)="pdf.submit(downloadCreditNotePdf(note.id))"
                      >
                        PDF
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>No credit notes: nothing has been taken off this invoice.</p>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="payments-title">
        <h2 id="payments-title">Payments received</h2>
        @if (i.payments.length) {
          <div
            class="ab-table-region"
            role="region"
            [attr.aria-label]="'Payments received for invoice ' + i.number"
            tabindex="0"
          >
            <table class="ab-table">
              <thead>
                <tr>
                  <th scope="col">Paid on</th>
                  <th scope="col">Reference</th>
                  <th scope="col" class="ab-number">Amount</th>
                </tr>
              </thead>
              <tbody>
                @for (payment of i.payments; track payment.id) {
                  <tr>
                    <td>{{ payment.paidOn | date: 'd MMM y' : 'UTC' }}</td>
                    <td>{{ payment.reference }}</td>
                    <td class="ab-number">{{ payment.amountCents | money: i.currency }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>No payment has been received for this invoice yet.</p>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Reminders</h2>
        @if (i.reminders.length) {
          <ul>
            @for (reminder of i.reminders; track reminder.reminderDay) {
              <li>
                {{ reminder.daysOverdue === 1 ? '1 day' : reminder.daysOverdue + ' days' }} overdue: sent to
                {{ reminder.recipient }} on {{ reminder.queuedAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC
              </li>
            }
          </ul>
        } @else {
          <p>No reminder has been sent.</p>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="pay-title">
        <h2 id="pay-title">How to pay</h2>
        @if (i.outstandingCents > 0) {
          <p>
            Transfer {{ i.outstandingCents | money: i.currency }} by {{ i.dueDate | date: 'd MMM y' : 'UTC' }}, with
            <strong>{{ i.number }}</strong> as the payment reference{{
              i.payTo ? ', to ' + i.payTo.legalName + ':' : '.'
            }}
          </p>
          @if (i.payTo; as payTo) {
            <p class="ab-pay-to">{{ payTo.paymentDetails }}</p>
            <p class="ab-hint">Questions about this invoice: {{ payTo.email }}.</p>
          }
        } @else {
          <p>Nothing is outstanding on this invoice.</p>
        }
      </section>
    } @else {
      <h1>Invoice</h1>
      <p class="ab-notice" role="status">Loading the invoice…</p>
    }
  `,
  styles: `
    .ab-pay-to {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class InvoicePage {
  private readonly api = injectApi();
  /** From the route, `invoices/:invoiceId`. */
  readonly invoiceId = input.required<string>();

  protected readonly invoice = queryResource({
    id: 'supplier.invoices.detail',
    params: () => ({ invoiceId: this.invoiceId() }),
    loader: ({ params }) => this.api.invoices.detail.query(params),
    namedByTheAddress: true,
  });

  protected readonly pdf = injectSubmission(signal(null));
  protected readonly downloadInvoicePdf = async (): Promise<void> =>
    saveFile(await this.api.invoices.pdf.query({ invoiceId: this.invoiceId() }));
  protected downloadCreditNotePdf(creditNoteId: string): () => Promise<void> {
    return async () => saveFile(await this.api.invoices.creditNotePdf.query({ creditNoteId }));
  }

  /** Another agency's invoice, or an address that names none, is this portal's 404 page. */
  protected notFound(error: unknown): boolean {
    const code = problemCode(error);
    return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
