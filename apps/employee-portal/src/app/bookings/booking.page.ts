import { DatePipe, isPlatformBrowser } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, PLATFORM_ID, signal } from '@angular/core';
import { FormField, FormRoot, min } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { CancellationQuote } from '@astro/api';
import { formatMoney, money, type Currency } from '@astro/domain';
import { BookingStatusComponent, bookingStatusLabels, MoneyPipe, problemMessage, queryResource } from '@astro/web-kit';
import {
  ErrorSummaryComponent,
  FieldComponent,
  FieldControlDirective,
  injectSubmission,
  type FieldProblems,
} from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { shortReference } from './booking-labels';

/** How often the page looks again while a cancellation is on its way; the sync takes a few seconds. */
const pendingRefreshMs = 2_000;

interface CancelRequest {
  reason: string;
  /** Dollars, as the field edits them; null leaves the refund to the policy. */
  refund: number | null;
}

const actorWords = (actor: string | null, email: string | null) =>
  actor === 'employee' ? `Astro Bookings (${email})` : actor === 'traveler' ? 'the traveler' : (actor ?? 'unknown');

/** One booking at the desk: who, what, the money and its history, and what the viewer's role may do with it. */
@Component({
  selector: 'ab-booking-page',
  imports: [
    BookingStatusComponent,
    DatePipe,
    FormRoot,
    FormField,
    RouterLink,
    FieldComponent,
    FieldControlDirective,
    ErrorSummaryComponent,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/bookings">← All bookings</a></p>
    @if (detail.error(); as error) {
      <h1>Booking not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (detail.hasValue()) {
      @let b = detail.value();
      <div class="ab-page-header">
        <div>
          <h1>Booking {{ reference(b.id) }}</h1>
          <p class="ab-lead">
            <ab-booking-status [status]="b.status" />
            @if (b.cancellationPending) {
              <span class="ab-badge ab-badge--warn">Cancellation pending</span>
            }
            {{ b.customer.name }} · {{ b.launch.missionName }} · {{ b.seats }} {{ b.seats === 1 ? 'seat' : 'seats' }}
          </p>
        </div>
        <a
          class="ab-button ab-button--secondary"
          routerLink="/audit"
          [queryParams]="{ targetType: 'booking', targetId: b.id }"
          >Audit history</a
        >
      </div>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>

      @if (b.cancellationPending; as pending) {
        <div class="ab-notice ab-section">
          <p>
            <strong>Cancellation pending.</strong> {{ pending.requestedBy }} asked for it on
            {{ pending.requestedAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC ({{ pending.reason }}), with
            @if (pending.refundCents === null) {
              the policy’s refund.
            } @else {
              a refund of {{ pending.refundCents | money: b.currency }}.
            }
          </p>
          <p>The booking shows cancelled as soon as it is; this page looks again by itself every few seconds.</p>
        </div>
      }
      @if (b.cancellationFailed; as failed) {
        <p class="ab-notice ab-notice--error ab-section" role="alert">
          The cancellation asked for on {{ failed.requestedAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC was not carried
          out: {{ failed.because }}
        </p>
      }

      <div class="ab-columns">
        <section class="ab-panel ab-section" aria-labelledby="customer-title">
          <h2 id="customer-title">Customer</h2>
          <dl class="ab-facts">
            <dt>Name</dt>
            <dd>{{ b.customer.name }}</dd>
            <dt>E-mail</dt>
            <dd>
              <a [href]="'mailto:' + b.customer.email">{{ b.customer.email }}</a>
            </dd>
            <dt>Phone</dt>
            <dd>
              @if (b.customer.phone; as phone) {
                <a [href]="'tel:' + phone">{{ phone }}</a>
              } @else {
                Not given
              }
            </dd>
            <dt>Emergency contact</dt>
            <dd>
              @if (b.customer.emergencyContact; as contact) {
                {{ contact.name }} ({{ contact.relationship }}),
                <a [href]="'tel:' + contact.phone">{{ contact.phone }}</a>
              } @else {
                Not given
              }
            </dd>
            <dt>Reference</dt>
            <dd>
              <code class="reference">{{ b.id }}</code>
            </dd>
            <dt>Booked</dt>
            <dd>{{ b.bookedAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</dd>
          </dl>
        </section>
        <section class="ab-panel ab-section" aria-labelledby="launch-title">
          <h2 id="launch-title">Launch</h2>
          <dl class="ab-facts">
            <dt>Mission</dt>
            <dd>{{ b.launch.missionName }}</dd>
            <dt>Launch date</dt>
            <dd>{{ b.launch.launchDate | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</dd>
            <dt>Agency</dt>
            <dd>{{ b.launch.agency.displayName }}</dd>
            <dt>Launch status</dt>
            <dd>{{ b.launch.status }}</dd>
          </dl>
        </section>
        <section class="ab-panel ab-section" aria-labelledby="money-title">
          <h2 id="money-title">Amounts</h2>
          <dl class="ab-facts">
            <dt>Price a seat</dt>
            <dd>{{ b.unitPriceCents | money: b.currency }}</dd>
            <dt>Total</dt>
            <dd>{{ b.totalCents | money: b.currency }}</dd>
            <dt>Paid</dt>
            <dd>{{ b.paidCents | money: b.currency }}</dd>
            <dt>Refunded</dt>
            <dd>{{ b.refundedCents | money: b.currency }}</dd>
          </dl>
        </section>
      </div>

      <section class="ab-panel ab-section" aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        <h3>Cancel booking</h3>
        @if (!b.actions.cancel.allowed) {
          <p class="ab-hint">{{ b.actions.cancel.reason }}</p>
        } @else if (quoted(); as quote) {
          <div class="ab-confirm">
            <ab-error-summary [for]="confirmation" [level]="4" />
            <p>
              Cancelling now refunds <strong>{{ quote.refundCents | money: quote.currency }}</strong> of the
              {{ quote.maxRefundCents | money: quote.currency }} paid.
              @if (quote.refundCents !== quote.policyRefundCents) {
                The policy would refund {{ quote.policyRefundCents | money: quote.currency }} ({{ quote.percent }}%).
              } @else {
                {{ quote.percent }}%: {{ quote.because }}
              }
            </p>
            <p>
              The {{ b.seats === 1 ? 'seat goes' : 'seats go' }} back on sale, the traveler is e-mailed, and this cannot
              be undone. Reason: “{{ cancelRequest().reason }}”.
            </p>
            <div class="ab-actions">
              <button
                type="button"
                class="ab-button--danger"
                [disabled]="confirmation.busy()"
                (click)="confirmation.submit(confirmCancellation)"
              >
                Confirm cancellation
              </button>
              <button type="button" class="ab-button--secondary" (click)="quoted.set(null)">Back</button>
            </div>
          </div>
        } @else {
          <form class="ab-form" [formRoot]="cancellation.fields" aria-label="Cancel booking">
            <ab-error-summary [for]="cancellation" [level]="4" />
            <ab-field for="cancel-reason" label="Reason" hint="The traveler reads it in the cancellation e-mail.">
              <textarea abControl rows="3" [formField]="cancellation.fields.reason"></textarea>
            </ab-field>
            @if (b.actions.setRefund.allowed) {
              <ab-field
                for="cancel-refund"
                label="Refund (USD, optional)"
                [hint]="'Leave it empty for the policy’s refund. At most ' + paidHint(b) + ', what was paid.'"
              >
                <input
                  abControl
                  type="number"
                  inputmode="decimal"
                  step="0.01"
                  [formField]="cancellation.fields.refund"
                />
              </ab-field>
            } @else {
              <p class="ab-hint">{{ b.actions.setRefund.reason }}</p>
            }
            <div class="ab-actions">
              <button type="submit" class="ab-button--danger" [disabled]="cancellation.busy()">Cancel booking…</button>
            </div>
          </form>
        }

        <h3>Confirmation e-mail</h3>
        @if (b.actions.resendConfirmation.allowed) {
          <ab-error-summary [for]="resend" [level]="4" />
          <p class="ab-hint">Sends the booking confirmation to {{ b.customer.email }} again.</p>
          <div class="ab-actions">
            <button
              type="button"
              class="ab-button--secondary"
              [disabled]="resend.busy()"
              (click)="resend.submit(resendConfirmation)"
            >
              Resend confirmation
            </button>
          </div>
        } @else {
          <p class="ab-hint">{{ b.actions.resendConfirmation.reason }}</p>
        }
      </section>

      <section class="ab-panel ab-section" aria-labelledby="passengers-title">
        <h2 id="passengers-title">Passengers</h2>
        <div class="ab-table-region" role="region" aria-labelledby="passengers-title" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Seat</th>
                <th scope="col">Name</th>
                <th scope="col">Birth date</th>
              </tr>
            </thead>
            <tbody>
              @for (passenger of b.passengers; track $index) {
                <tr>
                  <td>{{ $index + 1 }}</td>
                  <td>{{ passenger.name }}</td>
                  <td>{{ passenger.birthDate }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="3">No passengers named yet.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="ledger-title">
        <h2 id="ledger-title">Payment ledger</h2>
        <div class="ab-table-region" role="region" aria-labelledby="ledger-title" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">What</th>
                <th scope="col" class="ab-number">Amount</th>
                <th scope="col">Gateway reference</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              @for (entry of b.ledger; track entry.id) {
                <tr>
                  <td>{{ entry.at | date: 'd MMM y, HH:mm' : 'UTC' }}</td>
                  <td>
                    {{ entry.kind === 'payment' ? 'Payment' : 'Refund' }}
                    @if (entry.reason) {
                      <br /><span class="ab-hint">{{ entry.reason }}</span>
                    }
                  </td>
                  <td class="ab-number">{{ entry.amountCents | money: entry.currency }}</td>
                  <td>
                    <code>{{ entry.gatewayReference }}</code>
                  </td>
                  <td>{{ actor(entry.actor, entry.actorEmail) }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5">No money has moved for this booking.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Status timeline</h2>
        <ol class="ab-timeline">
          @for (step of b.timeline; track step.id) {
            <li>
              <strong>{{ labels[step.to] }}</strong>
              @if (step.reason) {
                <span> · {{ step.reason }}</span>
              }
              <br /><span class="ab-hint"
                >by {{ actor(step.actor, step.actorEmail) }}, {{ step.at | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</span
              >
            </li>
          }
        </ol>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="emails-title">
        <h2 id="emails-title">E-mails sent about it</h2>
        <div class="ab-table-region" role="region" aria-labelledby="emails-title" tabindex="0">
          <table class="ab-table">
            <thead>
              <tr>
                <th scope="col">Queued (UTC)</th>
                <th scope="col">E-mail</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              @for (email of b.emails; track email.id) {
                <tr>
                  <td>{{ email.createdAt | date: 'd MMM y, HH:mm' : 'UTC' }}</td>
                  <td>{{ email.event }}</td>
                  <td>{{ email.recipient }}</td>
                  <td>
                    {{ email.status }}
                    @if (email.sentAt) {
                      <span class="ab-hint">{{ email.sentAt | date: 'd MMM, HH:mm' : 'UTC' }}</span>
                    }
                    @if (email.lastError) {
                      <br /><span class="ab-hint">{{ email.lastError }}</span>
                    }
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4">No e-mail about this booking is in the outbox.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="ab-panel ab-section" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit history</h2>
        <ol class="ab-timeline">
          @for (entry of b.audit; track entry.id) {
            <li>
              <strong>{{ entry.action }}</strong> by {{ entry.actor.email }} ({{ entry.actor.role }})
              @if (entry.reason) {
                <span> · {{ entry.reason }}</span>
              }
              <br /><span class="ab-hint">{{ entry.at | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</span>
            </li>
          } @empty {
            <li>No employee has acted on this booking.</li>
          }
        </ol>
        <p>
          <a routerLink="/audit" [queryParams]="{ targetType: 'booking', targetId: b.id }"
            >The booking’s full audit history, with before and after</a
          >
        </p>
      </section>
    } @else {
      <h1>Booking</h1>
      <p class="ab-notice" role="status">Loading the booking…</p>
    }
  `,
  styles: `
    .reference {
      overflow-wrap: anywhere;
    }
  `,
})
export class BookingPage {
  private readonly api = injectApi();
  /** From the route, `bookings/:bookingId`. */
  readonly bookingId = input.required<string>();
  protected readonly labels = bookingStatusLabels;
  protected readonly reference = shortReference;
  protected readonly actor = actorWords;

  protected readonly detail = queryResource({
    id: 'admin.bookings.detail',
    params: () => ({ bookingId: this.bookingId() }),
    loader: ({ params }) => this.api.bookings.detail.query(params),
    namedByTheAddress: true,
  });

  protected readonly said = signal('');
  /** The quote the employee confirms on the second step; null on the first. */
  protected readonly quoted = signal<CancellationQuote | null>(null);
  protected readonly cancelRequest = signal<CancelRequest>({ reason: '', refund: null });
  protected readonly cancellation = injectSubmission(this.cancelRequest, {
    rules: (request) => min(request.refund, 0),
    // The server names the refund in cents; this form asks for dollars.
    renamed: { refundCents: 'refund' },
    check: ({ reason }): FieldProblems =>
      reason.trim().length >= 3 ? {} : { reason: 'Say why the booking is cancelled.' },
    save: async (request) => {
      this.quoted.set(
        await this.api.bookings.quoteCancellation.query({
          bookingId: this.bookingId(),
          refundCents: centsOf(request.refund),
        }),
      );
    },
  });
  // Refused (someone else acted meanwhile): the page shows the booking as it now stands, and why.
  protected readonly confirmation = injectSubmission(signal(null), { refused: () => this.detail.reload() });
  protected readonly resend = injectSubmission(signal(null));
  /** One per press of "Resend confirmation": a request sent again after a failure is the same resend. */
  private resendKey = crypto.randomUUID();
  private wasPending = false;

  constructor() {
    const browser = isPlatformBrowser(inject(PLATFORM_ID));
    // Until the copy shows the cancellation, look again now and then; the server's page is rendered as it stands.
    effect((onCleanup) => {
      if (!browser || !this.detail.hasValue()) return;
      const booking = this.detail.value();
      if (!booking.cancellationPending) {
        if (this.wasPending && booking.status === 'cancelled') this.said.set('The booking is cancelled.');
        this.wasPending = false;
        return;
      }
      this.wasPending = true;
      const timer = setTimeout(() => this.detail.reload(), pendingRefreshMs);
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected readonly confirmCancellation = async (): Promise<void> => {
    const { reason, refund } = this.cancelRequest();
    await this.api.bookings.cancel.mutate({ bookingId: this.bookingId(), reason, refundCents: centsOf(refund) });
    this.quoted.set(null);
    this.said.set('Cancellation requested. The booking follows within seconds.');
    this.detail.reload();
  };

  protected readonly resendConfirmation = async (): Promise<void> => {
    const { recipient } = await this.api.bookings.resendConfirmation.mutate({
      bookingId: this.bookingId(),
      idempotencyKey: this.resendKey,
    });
    this.resendKey = crypto.randomUUID();
    this.said.set(`The confirmation e-mail is on its way to ${recipient} again.`);
    this.detail.reload();
  };

  protected paidHint(booking: { paidCents: number; refundedCents: number; currency: Currency }): string {
    return formatMoney(money(booking.paidCents - booking.refundedCents, booking.currency));
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}

/** Dollars as typed, in whole cents; an empty field is no amount. */
function centsOf(dollars: number | null): number | null {
  return dollars === null || Number.isNaN(Number(dollars)) ? null : Math.round(Number(dollars) * 100);
}
