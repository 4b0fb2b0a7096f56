import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { AuditAction } from '@astro/api';
import {
  centsOfTyped,
  creditNoteProblem,
  formatMoney,
  invoiceStatus,
  invoiceStatusLabels,
  money,
  paymentProblem,
  type Currency,
  type InvoiceStatus,
} from '@astro/domain';
import {
  InvoiceChargesComponent,
  InvoiceStatusComponent,
  MoneyPipe,
  problemMessage,
  queryResource,
  saveFile,
} from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  type FieldProblems,
} from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { actionLabel } from '../audit/audit-labels';
import { Viewer } from '../viewer';

/** A payment as the form edits it: the amount as typed ("1,250.00"), the day it arrived, the bank's reference. */
interface PaymentForm {
  amount: string;
  paidOn: string;
  reference: string;
}

interface CreditNoteForm {
  amount: string;
  reason: string;
}

/** What the second step restates before anything is recorded. */
interface Consequence {
  amountCents: number;
  outstandingAfterCents: number;
  statusAfter: string;
}

const unreadableAmount = 'Write the amount in dollars and cents, for example 1,250.00.';
const today = () => new Date().toISOString().slice(0, 10);
/** A status as the middle of a sentence reads it: "partially paid". */
const statusWords = (status: InvoiceStatus) => invoiceStatusLabels[status].toLowerCase();

/**
 * One invoice as finance works it: whom it bills and for what, the rule behind the amount, what was credited, paid
 * and is outstanding, and the two things finance does to it (record a payment, issue a credit note), each restated
 * before it is done.
 */
@Component({
  selector: 'ab-invoice-page',
  imports: [
    DatePipe,
    FormRoot,
    FormField,
    RouterLink,
    ErrorSummaryComponent,
    FieldComponent,
    FieldControlDirective,
    InvoiceChargesComponent,
    InvoiceStatusComponent,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/finance/invoices">← All invoices</a></p>
    @if (detail.error(); as error) {
      <h1>Invoice not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (detail.hasValue()) {
      @let i = detail.value();
      <div class="ab-page-header">
        <div>
          <h1>Invoice {{ i.number }}</h1>
          <p class="ab-lead">
            <ab-invoice-status [status]="i.status" />
            {{ i.agency.displayName }} · {{ i.launch.missionName }} ·
            {{ i.outstandingCents | money: i.currency }} outstanding
          </p>
        </div>
        <div class="ab-actions">
          <button
            type="button"
            class="ab-button--secondary"
            [disabled]="download.busy()"
            (click)="download.submit(downloadInvoice)"
          >
            Download PDF
          </button>
          <a class="ab-button ab-button--secondary" href="finance/invoices/{{ i.id }}#audit-title">Audit history</a>
        </div>
      </div>
      <ab-error-summary [for]="download" [level]="2" />
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>

      <div class="ab-columns">
        <section class="ab-panel ab-section" aria-labelledby="billed-title">
          <h2 id="billed-title">Billed to</h2>
          <p>
            <strong>{{ i.billedTo.legalName }}</strong><br />
            Tax id {{ i.billedTo.taxId }}
          </p>
          <p class="ab-address">{{ i.billedTo.legalAddress }}</p>
          <p><a [routerLink]="['/agencies', i.agency.id]">The agency’s page</a></p>
        </section>
        <section class="ab-panel ab-section" aria-labelledby="launch-title">
          <h2 id="launch-title">Launch</h2>
          <dl class="ab-facts">
            <dt>Mission</dt>
            <dd>
              <a [routerLink]="['/launches', i.launch.id]">{{ i.launch.missionName }}</a>
            </dd>
            <dt>Launch date</dt>
            <dd>{{ i.launch.launchDate | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</dd>
            <dt>Issued</dt>
            <dd>{{ i.issueDate | date: 'd MMM y' : 'UTC' }}</dd>
            <dt>Due</dt>
            <dd>{{ i.dueDate | date: 'd MMM y' : 'UTC' }}</dd>
          </dl>
        </section>
        <section class="ab-panel ab-section" aria-labelledby="amounts-title">
          <h2 id="amounts-title">Amounts</h2>
          <dl class="ab-facts">
            <dt>Amount</dt>
            <dd>{{ i.amountCents | money: i.currency }}</dd>
            <dt>Credited</dt>
            <dd>{{ i.creditedCents | money: i.currency }}</dd>
            <dt>Paid</dt>
            <dd>{{ i.paidCents | money: i.currency }}</dd>
            <dt>Outstanding</dt>
            <dd>
              <strong>{{ i.outstandingCents | money: i.currency }}</strong>
            </dd>
          </dl>
        </section>
      </div>

      <section class="ab-panel ab-section" aria-labelledby="charges-title">
        <ab-invoice-charges [invoice]="i" />
      </section>

      <section class="ab-panel ab-section" aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        <h3 id="payment-title">Record a payment</h3>
        @if (!i.actions.recordPayment.allowed) {
          <p class="ab-hint">{{ i.actions.recordPayment.reason }}</p>
        } @else if (paymentToConfirm(); as next) {
          <div class="ab-confirm" role="group" aria-labelledby="payment-title">
            <ab-error-summary [for]="payment" [level]="4" />
            <p>
              Record <strong>{{ next.amountCents | money: i.currency }}</strong> paid by {{ i.agency.displayName }} on
              {{ paymentTyped().paidOn | date: 'd MMM y' : 'UTC' }}, reference “{{ paymentTyped().reference.trim() }}”.
            </p>
            <p>
              It leaves {{ next.outstandingAfterCents | money: i.currency }} outstanding, and the invoice becomes
              <strong>{{ next.statusAfter }}</strong>. A recorded payment stays on the invoice; a mistake is corrected
              with a credit note.
            </p>
            <div class="ab-actions">
              <button type="button" [disabled]="payment.busy()" (click)="confirmPayment()">Confirm the payment</button>
              <button type="button" class="ab-button--secondary" (click)="paymentToConfirm.set(null)">Back</button>
            </div>
          </div>
        } @else {
          <form class="ab-form" [formRoot]="payment.fields" aria-labelledby="payment-title">
            <ab-error-summary [for]="payment" [level]="4" />
            <div class="ab-form-row">
              <ab-field
                for="payment-amount"
                label="Amount (USD)"
                [hint]="'As on the bank statement, for example 1,250.00. At most ' + outstanding(i) + '.'"
              >
                <input abControl inputmode="decimal" autocomplete="off" [formField]="payment.fields.amount" />
              </ab-field>
              <ab-field for="payment-paid-on" label="Paid on (UTC)">
                <input abControl type="date" [formField]="payment.fields.paidOn" />
              </ab-field>
              <ab-field for="payment-reference" label="Reference" hint="The bank’s reference of the transfer.">
                <input abControl autocomplete="off" [formField]="payment.fields.reference" />
              </ab-field>
            </div>
            <div class="ab-actions">
              <button type="submit" [disabled]="payment.busy()">Record a payment…</button>
            </div>
          </form>
        }

        <h3 id="credit-title">Issue a credit note</h3>
        @if (!i.actions.issueCreditNote.allowed) {
          <p class="ab-hint">{{ i.actions.issueCreditNote.reason }}</p>
        } @else if (creditToConfirm(); as next) {
          <div class="ab-confirm" role="group" aria-labelledby="credit-title">
            <ab-error-summary [for]="credit" [level]="4" />
            <p>
              Issue a credit note of <strong>{{ next.amountCents | money: i.currency }}</strong> against {{ i.number }},
              for “{{ creditTyped().reason.trim() }}”. {{ i.agency.displayName }} reads the reason on it.
            </p>
            <p>
              The invoice then asks for {{ i.amountCents - i.creditedCents - next.amountCents | money: i.currency }},
              leaves {{ next.outstandingAfterCents | money: i.currency }} outstanding and becomes
              <strong>{{ next.statusAfter }}</strong>. A credit note cannot be withdrawn.
            </p>
            <div class="ab-actions">
              <button type="button" class="ab-button--danger" [disabled]="credit.busy()" (click)="confirmCredit()">
                Confirm the credit note
              </button>
              <button type="button" class="ab-button--secondary" (click)="creditToConfirm.set(null)">Back</button>
            </div>
          </div>
        } @else {
          <form class="ab-form" [formRoot]="credit.fields" aria-labelledby="credit-title">
            <ab-error-summary [for]="credit" [level]="4" />
            <ab-field
              for="credit-amount"
              label="Amount (USD)"
              [hint]="'At most ' + leftToCredit(i) + ', what is left to credit.'"
            >
              <input abControl inputmode="decimal" autocomplete="off" [formField]="credit.fields.amount" />
            </ab-field>
            <ab-field for="credit-reason" label="Reason" hint="It is printed on the credit note the agency receives.">
              <textarea abControl rows="3" [formField]="credit.fields.reason"></textarea>
            </ab-field>
            <div class="ab-actions">
              <button type="submit" [disabled]="credit.busy()">Issue a credit note…</button>
            </div>
          </form>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        <div class="ab-table-region" role="region" aria-labelledby="payments-title" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Paid on</th>
                <th scope="col" class="ab-number">Amount</th>
                <th scope="col">Reference</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              @for (paid of i.payments; track paid.id) {
                <tr>
                  <td>{{ paid.paidOn | date: 'd MMM y' : 'UTC' }}</td>
                  <td class="ab-number">{{ paid.amountCents | money: i.currency }}</td>
                  <td>
                    <code>{{ paid.reference }}</code>
                  </td>
                  <td>
                    {{ paid.recordedBy }}<br /><span class="ab-hint"
                      >{{ paid.recordedAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</span
                    >
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4">No payment recorded yet.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="credit-notes-title">
        <h2 id="credit-notes-title">Credit notes</h2>
        <ab-error-summary [for]="creditNoteDownload" [level]="3" />
        <div class="ab-table-region" role="region" aria-labelledby="credit-notes-title" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Issued</th>
                <th scope="col" class="ab-number">Amount</th>
                <th scope="col">Reason</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              @for (note of i.creditNotes; track note.id) {
                <tr>
                  <td>
                    <code>{{ note.number }}</code>
                  </td>
                  <td>
                    {{ note.issueDate | date: 'd MMM y' : 'UTC' }}<br /><span class="ab-hint">{{ note.issuedBy }}</span>
                  </td>
                  <td class="ab-number">{{ note.amountCents | money: i.currency }}</td>
                  <td>{{ note.reason }}</td>
                  <td>
                    <!-- The name starts with what the button shows (WCAG 2.5.3), then says which file it is. -->
                    <button
                      type="button"
                      class="ab-button--secondary"
                      [disabled]="creditNoteDownload.busy()"
                      (click)="downloadCreditNote(note.id)"
                    >
                      PDF<span class="ab-visually-hidden"> of credit note {{ note.number }}</span>
                    </button>
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5">No credit note corrects this invoice.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Reminders sent</h2>
        <div class="ab-table-region" role="region" aria-labelledby="reminders-title" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Queued (UTC)</th>
                <th scope="col">Reminder</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              @for (reminder of i.reminders; track reminder.reminderDay) {
                <tr>
                  <td>{{ reminder.queuedAt | date: 'd MMM y, HH:mm' : 'UTC' }}</td>
                  <td>{{ reminder.daysOverdue }} {{ reminder.daysOverdue === 1 ? 'day' : 'days' }} overdue</td>
                  <td>{{ reminder.recipient }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="3">No reminder has been sent: the agency is reminded once the invoice is overdue.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit history</h2>
        <ol class="ab-timeline">
          @for (entry of i.history; track $index) {
            <li>
              <strong>{{ actionLabel(entry.action) }}</strong> by {{ entry.by }} ({{ entry.role }})
              @if (entry.reason) {
                <span> · {{ entry.reason }}</span>
              }
              <br /><span class="ab-hint">{{ entry.at | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</span>
            </li>
          } @empty {
            <li>No payment or credit note has been recorded on this invoice.</li>
          }
        </ol>
        @if (viewer.isAdmin()) {
          <p>
            <a routerLink="/audit" [queryParams]="{ targetType: 'invoice', targetId: i.id }"
              >The invoice’s entries in the audit trail, with before and after</a
            >
          </p>
        }
      </section>
    } @else {
      <h1>Invoice</h1>
      <p class="ab-notice" role="status">Loading the invoice…</p>
    }
  `,
})
export class InvoicePage {
  private readonly api = injectApi();
  protected readonly viewer = inject(Viewer);
  protected readonly actionLabel = (action: string) => actionLabel(action as AuditAction);
  /** From the route, `finance/invoices/:invoiceId`. */
  readonly invoiceId = input.required<string>();

  protected readonly detail = queryResource({
    id: 'admin.finance.invoices.detail',
    params: () => ({ invoiceId: this.invoiceId() }),
    loader: ({ params }) => this.api.finance.invoices.detail.query(params),
    namedByTheAddress: true,
  });
  private readonly invoice = computed(() => (this.detail.hasValue() ? this.detail.value() : null));

  protected readonly said = signal('');

  protected readonly paymentTyped = signal<PaymentForm>({ amount: '', paidOn: today(), reference: '' });
  /** What the second step restates; null on the first. */
  protected readonly paymentToConfirm = signal<Consequence | null>(null);
  protected readonly payment = injectSubmission(this.paymentTyped, {
    // The server names the amount in cents; this form edits it as typed.
    renamed: { amountCents: 'amount' },
    check: ({ amount, paidOn, reference }): FieldProblems => {
      const amountCents = centsOfTyped(amount);
      const invoice = this.invoice();
      const amountProblem =
        amountCents === null ? unreadableAmount : invoice ? paymentProblem(amountCents, invoice) : null;
      return {
        ...(amountProblem ? { amount: amountProblem } : {}),
        ...(paidOn ? {} : { paidOn: 'Give the day the payment arrived.' }),
        ...(reference.trim() ? {} : { reference: 'Give the bank’s reference, so the payment can be traced.' }),
      };
    },
    save: async ({ amount }) => this.paymentToConfirm.set(this.after(centsOfTyped(amount)!, 'payment')),
  });

  protected readonly creditTyped = signal<CreditNoteForm>({ amount: '', reason: '' });
  protected readonly creditToConfirm = signal<Consequence | null>(null);
  protected readonly credit = injectSubmission(this.creditTyped, {
    renamed: { amountCents: 'amount' },
    check: ({ amount, reason }): FieldProblems => {
      const amountCents = centsOfTyped(amount);
      const invoice = this.invoice();
      const amountProblem =
        amountCents === null ? unreadableAmount : invoice ? creditNoteProblem(amountCents, invoice) : null;
      return {
        ...(amountProblem ? { amount: amountProblem } : {}),
        ...(reason.trim().length >= 5 ? {} : { reason: 'Say why the invoice is credited; the agency reads it.' }),
      };
    },
    save: async ({ amount }) => this.creditToConfirm.set(this.after(centsOfTyped(amount)!, 'credit')),
  });

  protected readonly download = injectSubmission(signal(null));
  protected readonly creditNoteDownload = injectSubmission(signal(null));

  /** The invoice's outstanding amount and status once this payment or credit note is recorded. */
  private after(amountCents: number, kind: 'payment' | 'credit'): Consequence {
    const invoice = this.invoice()!;
    const balance = {
      amountCents: invoice.amountCents,
      creditedCents: invoice.creditedCents + (kind === 'credit' ? amountCents : 0),
      paidCents: invoice.paidCents + (kind === 'payment' ? amountCents : 0),
      dueDate: invoice.dueDate,
    };
    return {
      amountCents,
      outstandingAfterCents: balance.amountCents - balance.creditedCents - balance.paidCents,
      statusAfter: statusWords(invoiceStatus(balance, new Date())),
    };
  }

  /**
   * The second step's submit goes through the first step's form: a refusal (someone recorded a payment meanwhile)
   * takes the person back to the fields, with the server's message on the one it concerns.
   */
  protected async confirmPayment(): Promise<void> {
    const { amountCents } = this.paymentToConfirm()!;
    const recorded = await this.payment.submit(async ({ paidOn, reference }) => {
      const { status } = await this.api.finance.invoices.recordPayment.mutate({
        invoiceId: this.invoiceId(),
        amountCents,
        paidOn,
        reference: reference.trim(),
      });
      this.said.set(`Payment of ${this.formatted(amountCents)} recorded. The invoice is ${statusWords(status)}.`);
    });
    this.paymentToConfirm.set(null);
    if (recorded) this.paymentTyped.set({ amount: '', paidOn: today(), reference: '' });
    this.detail.reload();
  }

  protected async confirmCredit(): Promise<void> {
    const { amountCents } = this.creditToConfirm()!;
    const issued = await this.credit.submit(async ({ reason }) => {
      const { number, status } = await this.api.finance.invoices.issueCreditNote.mutate({
        invoiceId: this.invoiceId(),
        amountCents,
        reason: reason.trim(),
      });
      this.said.set(
        `Credit note ${number} of ${this.formatted(amountCents)} issued. The invoice is ${statusWords(status)}.`,
      );
    });
    this.creditToConfirm.set(null);
    if (issued) this.creditTyped.set({ amount: '', reason: '' });
    this.detail.reload();
  }

  protected readonly downloadInvoice = async (): Promise<void> => {
    saveFile(await this.api.finance.invoices.pdf.query({ invoiceId: this.invoiceId() }));
  };

  protected downloadCreditNote(creditNoteId: string): void {
    void this.creditNoteDownload.submit(async () =>
      saveFile(await this.api.finance.creditNotes.pdf.query({ creditNoteId })),
    );
  }

  private formatted(cents: number): string {
    return formatMoney(money(cents, this.invoice()?.currency ?? 'USD'));
  }

  protected outstanding(invoice: { outstandingCents: number; currency: Currency }): string {
    return formatMoney(money(invoice.outstandingCents, invoice.currency));
  }

  protected leftToCredit(invoice: { leftToCreditCents: number; currency: Currency }): string {
    return formatMoney(money(invoice.leftToCreditCents, invoice.currency));
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
