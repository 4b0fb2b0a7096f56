import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { BookingView } from '@astro/api';
import { injectInteractive, MoneyPipe } from '@astro/web-kit';
import { ErrorSummaryComponent, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { bookingMovedOn } from './booking-problems';

/**
 * Cancelling a confirmed booking: the refund is quoted first, and only a second, explicit button cancels, for
 * exactly the quoted amount (the server refuses if the quote has changed meanwhile). A booking the policy no
 * longer lets anyone cancel (its launch has flown) offers no button, only the reason.
 */
@Component({
  selector: 'ab-cancel-booking',
  imports: [ErrorSummaryComponent, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let b = booking();
    @if (b.cancellationQuote; as quote) {
      <section class="ab-panel ab-section" aria-labelledby="cancel-title">
        <h2 id="cancel-title">Cancel booking</h2>
        <p>
          If you cancel now, you get back <strong>{{ quote.refundCents | money: b.currency }}</strong>:
          {{ quote.percent }}% of the {{ b.paidCents | money: b.currency }} you paid. {{ quote.because }}
        </p>
        <ab-error-summary [for]="cancellation" [level]="3" />
        <button
          type="button"
          class="ab-button--secondary"
          aria-controls="cancel-confirm"
          [attr.aria-expanded]="asking()"
          [disabled]="!interactive()"
          (click)="asking.set(!asking())"
        >
          Cancel booking
        </button>
        <div id="cancel-confirm" class="confirm" [hidden]="!asking()">
          <p>
            Your {{ b.seats === 1 ? 'seat goes' : 'seats go' }} back on sale and this cannot be undone. Cancel and get
            {{ quote.refundCents | money: b.currency }} back?
          </p>
          <div class="ab-actions">
            <button
              type="button"
              class="ab-button--danger"
              [disabled]="cancellation.busy()"
              (click)="confirm(quote.refundCents)"
            >
              Confirm cancellation
            </button>
            <button type="button" class="ab-button--secondary" (click)="asking.set(false)">Keep my booking</button>
          </div>
        </div>
      </section>
    } @else if (b.cancellationRefused; as why) {
      <section class="ab-panel ab-section" aria-labelledby="cancel-title">
        <h2 id="cancel-title">Cancellation</h2>
        <p>{{ why }}</p>
      </section>
    }
  `,
  styles: `
    .confirm {
      margin-top: var(--ab-space-4);
      padding-top: var(--ab-space-3);
      border-top: 1px solid var(--ab-border);
    }
  `,
})
export class CancelBookingComponent {
  private readonly api = injectApi();
  protected readonly interactive = injectInteractive();
  protected readonly cancellation = injectSubmission(signal(null), {
    refused: (error) => {
      if (bookingMovedOn(error)) this.stale.emit();
    },
  });

  readonly booking = input.required<BookingView>();
  /** The booking, now cancelled with its refund. */
  readonly cancelled = output<BookingView>();
  /** The quote changed meanwhile: the page should look at the booking again for the new one. */
  readonly stale = output<void>();

  /** The disclosure with the second, confirming button is open. */
  protected readonly asking = signal(false);

  protected async confirm(quotedRefundCents: number): Promise<void> {
    await this.cancellation.submit(async () =>
      this.cancelled.emit(await this.api.bookings.cancel.mutate({ bookingId: this.booking().id, quotedRefundCents })),
    );
    this.asking.set(false);
  }
}
