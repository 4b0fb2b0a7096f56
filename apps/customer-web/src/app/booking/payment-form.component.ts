import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import type { BookingView } from '@astro/api';
import { injectInteractive, MoneyPipe } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { bookingMovedOn } from './booking-problems';

/** The payment step: the card is charged for the held seats; a declined card keeps the hold and the form. */
@Component({
  selector: 'ab-payment-form',
  imports: [FormRoot, FormField, FieldComponent, FieldControlDirective, ErrorSummaryComponent, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let b = booking();
    @let card = payment.fields.card;
    <form class="ab-panel ab-form" [formRoot]="payment.fields" aria-labelledby="payment-title">
      <h2 id="payment-title" tabindex="-1">Payment</h2>
      <p class="total">
        {{ b.seats }} {{ b.seats === 1 ? 'seat' : 'seats' }} × {{ b.unitPriceCents | money: b.currency }}:
        <strong>{{ b.totalCents | money: b.currency }}</strong>
      </p>
      <p>
        Passengers:
        @for (passenger of b.passengers; track $index) {
          {{ passenger.name }}{{ $last ? '.' : ', ' }}
        }
        <button type="button" class="ab-button--secondary change" (click)="changePassengers.emit()">
          Change passengers
        </button>
      </p>
      <ab-error-summary [for]="payment" [level]="3" />
      <div class="ab-form-row">
        <ab-field for="card-number" label="Card number">
          <input abControl [formField]="card.number" inputmode="numeric" autocomplete="cc-number" />
        </ab-field>
        <ab-field for="card-expiry" label="Expiry date (MM/YY)">
          <input abControl [formField]="card.expiry" inputmode="numeric" autocomplete="cc-exp" />
        </ab-field>
        <ab-field for="card-cvc" label="Security code" hint="3 or 4 digits, on the back of the card.">
          <input abControl [formField]="card.cvc" inputmode="numeric" autocomplete="cc-csc" />
        </ab-field>
      </div>
      <div class="ab-actions">
        <button type="submit" [disabled]="payment.busy() || !interactive()">
          Pay {{ b.totalCents | money: b.currency }}
        </button>
        <span role="status">{{ payment.busy() ? 'Paying…' : '' }}</span>
      </div>
    </form>
  `,
  styles: `
    .total {
      font-size: 1.125rem;
      margin: 0;
    }
    .change {
      margin-left: var(--ab-space-2);
      min-height: 2.25rem;
      padding: var(--ab-space-1) var(--ab-space-3);
    }
  `,
})
export class PaymentFormComponent {
  private readonly api = injectApi();
  protected readonly interactive = injectInteractive();
  readonly booking = input.required<BookingView>();
  /** The booking, now confirmed. */
  readonly paid = output<BookingView>();
  readonly changePassengers = output<void>();
  /** The booking moved on (its hold lapsed, or it was paid meanwhile): the page should look at it again. */
  readonly stale = output<void>();

  protected readonly payment = injectSubmission(signal({ card: { number: '', expiry: '', cvc: '' } }), {
    save: async ({ card }) =>
      this.paid.emit(
        await this.api.bookings.pay.mutate({
          bookingId: this.booking().id,
          // One key per press of Pay: a retried request is the same attempt, never a second charge.
          attemptKey: crypto.randomUUID(),
          card,
        }),
      ),
    refused: (error) => {
      if (bookingMovedOn(error)) this.stale.emit();
    },
  });
}
