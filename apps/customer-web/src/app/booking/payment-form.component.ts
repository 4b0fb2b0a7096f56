import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import type { BookingView } from '@astro/api';
import { FieldComponent, FieldControlDirective, injectInteractive, MoneyPipe } from '@astro/web-kit';
import { injectApi } from '../api';
import { injectSubmission } from '../submission';
import { bookingMovedOn, bookingRefusal } from './booking-problems';

const text = () => new FormControl('', { nonNullable: true });

/** The payment step: the card is charged for the held seats; a declined card keeps the hold and the form. */
@Component({
  selector: 'ab-payment-form',
  imports: [ReactiveFormsModule, FieldComponent, FieldControlDirective, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let b = booking();
    @let errors = submission.errors();
    <form class="ab-panel ab-form" [formGroup]="form" (ngSubmit)="submit()" aria-labelledby="payment-title">
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
      @if (submission.problem(); as message) {
        <p class="ab-notice ab-notice--error" id="payment-problem" role="alert" tabindex="-1">{{ message }}</p>
      }
      <div class="ab-form-row" formGroupName="card">
        <ab-field for="card-number" label="Card number" [error]="errors['card.number']">
          <input abControl formControlName="number" inputmode="numeric" autocomplete="cc-number" />
        </ab-field>
        <ab-field for="card-expiry" label="Expiry date (MM/YY)" [error]="errors['card.expiry']">
          <input abControl formControlName="expiry" inputmode="numeric" autocomplete="cc-exp" />
        </ab-field>
        <ab-field
          for="card-cvc"
          label="Security code"
          hint="3 or 4 digits, on the back of the card."
          [error]="errors['card.cvc']"
        >
          <input abControl formControlName="cvc" inputmode="numeric" autocomplete="cc-csc" />
        </ab-field>
      </div>
      <div class="ab-actions">
        <button type="submit" [disabled]="submission.busy() || !interactive()">
          Pay {{ b.totalCents | money: b.currency }}
        </button>
        <span role="status">{{ submission.busy() ? 'Paying…' : '' }}</span>
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
  protected readonly submission = injectSubmission('ab-payment-form', 'payment-problem', bookingRefusal('card'));

  readonly booking = input.required<BookingView>();
  /** The booking, now confirmed. */
  readonly paid = output<BookingView>();
  readonly changePassengers = output<void>();
  /** The booking moved on (its hold lapsed, or it was paid meanwhile): the page should look at it again. */
  readonly stale = output<void>();

  protected readonly form = new FormGroup({ card: new FormGroup({ number: text(), expiry: text(), cvc: text() }) });

  protected async submit(): Promise<void> {
    const outcome = await this.submission.run(() =>
      this.api.bookings.pay.mutate({
        bookingId: this.booking().id,
        // One key per press of Pay: a retried request is the same attempt, never a second charge.
        attemptKey: crypto.randomUUID(),
        card: this.form.getRawValue().card,
      }),
    );
    if (outcome.ok) this.paid.emit(outcome.value);
    else if (bookingMovedOn(outcome.error)) this.stale.emit();
  }
}
