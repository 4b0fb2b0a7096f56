import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BookingView } from '@astro/api';
import { destinationLabels } from '@astro/domain';
import { BookingStatusComponent, LocalTimeComponent, MoneyPipe } from '@astro/web-kit';

/** What was booked and what money moved: the traveler's receipt, kept on the booking page. */
@Component({
  selector: 'ab-receipt',
  imports: [RouterLink, LocalTimeComponent, MoneyPipe, BookingStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let b = booking();
    <section class="ab-panel receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">Receipt</h2>
      <dl class="ab-facts">
        <div>
          <dt>Reference</dt>
          <dd class="reference">{{ b.id }}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd><ab-booking-status [status]="b.status" /></dd>
        </div>
        @if (b.launch; as launch) {
          <div>
            <dt>Launch</dt>
            <dd>
              <a [routerLink]="['/launches', launch.slug]">{{ launch.missionName }}</a>
              to {{ destination() }}
            </dd>
          </div>
          <div>
            <dt>Launch date</dt>
            <dd><ab-local-time [at]="launch.launchDate" /></dd>
          </div>
          <div>
            <dt>From</dt>
            <dd>{{ launch.spaceport }}, with {{ launch.agencyName }} on {{ launch.rocketName }}</dd>
          </div>
        }
        <div>
          <dt>Seats</dt>
          <dd>{{ b.seats }} × {{ b.unitPriceCents | money: b.currency }}</dd>
        </div>
        <div>
          <dt>Amount paid</dt>
          <dd>{{ b.paidCents | money: b.currency }}</dd>
        </div>
        @if (b.refundedCents > 0) {
          <div>
            <dt>Refunded</dt>
            <dd>{{ b.refundedCents | money: b.currency }}</dd>
          </div>
        }
        <div>
          <dt>Booked</dt>
          <dd><ab-local-time [at]="b.bookedAt" /></dd>
        </div>
      </dl>
      @if (b.passengers.length) {
        <h3>Passengers</h3>
        <ul class="passengers">
          @for (passenger of b.passengers; track $index) {
            <li>{{ passenger.name }}, born {{ passenger.birthDate }}</li>
          }
        </ul>
      }
      @if (moneyMoves().length) {
        <h3>Payments and refunds</h3>
        <ul class="moves">
          @for (move of moneyMoves(); track $index) {
            <li>
              <ab-local-time [at]="move.at" />: {{ move.what }} {{ move.amountCents | money: b.currency }}
              @if (move.reason) {
                <br /><span class="ab-hint">{{ move.reason }}</span>
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .receipt {
      padding: var(--ab-space-4);
      margin-bottom: var(--ab-space-5);
    }
    .reference {
      font-family: var(--ab-font-mono);
    }
    h3 {
      font-size: 1rem;
      margin-top: var(--ab-space-4);
    }
    ul {
      margin: 0;
      padding-left: var(--ab-space-5);
    }
  `,
})
export class ReceiptComponent {
  readonly booking = input.required<BookingView>();

  protected readonly destination = computed(() => {
    const launch = this.booking().launch;
    return launch ? destinationLabels[launch.destination] : '';
  });
  /** Captured payments and refunds in time order; declined attempts moved no money and are left out. */
  protected readonly moneyMoves = computed(() => {
    const b = this.booking();
    return [
      ...b.payments
        .filter((payment) => payment.outcome === 'captured')
        .map((payment) => ({ at: payment.at, what: 'Paid', amountCents: payment.amountCents, reason: null })),
      ...b.refunds.map((refund) => ({
        at: refund.at,
        what: 'Refunded',
        amountCents: refund.amountCents,
        reason: refund.reason,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
  });
}
