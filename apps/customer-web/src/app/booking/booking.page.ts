import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { BookingView } from '@astro/api';
import { holdLengthInWords } from '@astro/domain';
import {
  injectFocus,
  LocalTimeComponent,
  MoneyPipe,
  problemMessage,
  queryResource,
  SignInPromptComponent,
} from '@astro/web-kit';
import { injectApi } from '../api';
import { Session } from '../session';
import { CancelBookingComponent } from './cancel-booking.component';
import { HoldCountdownComponent } from './hold-countdown.component';
import { PassengersFormComponent } from './passengers-form.component';
import { PaymentFormComponent } from './payment-form.component';
import { ReceiptComponent } from './receipt.component';

type Stage = 'held' | 'lapsed' | 'confirmed' | 'cancelled';

const headings: Record<Stage, string> = {
  held: 'Book your seats',
  lapsed: 'Your hold has lapsed',
  confirmed: 'Booking confirmed',
  cancelled: 'Booking cancelled',
};

/**
 * One booking at /bookings/<id>, at whatever stage it is: a held booking resumes at its next step (passengers,
 * then payment) with its countdown; a confirmed one is a receipt that can be cancelled; a lapsed or cancelled
 * one says so, with the money that moved.
 */
@Component({
  selector: 'ab-booking-page',
  imports: [
    RouterLink,
    LocalTimeComponent,
    MoneyPipe,
    SignInPromptComponent,
    HoldCountdownComponent,
    PassengersFormComponent,
    PaymentFormComponent,
    ReceiptComponent,
    CancelBookingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/bookings">← My bookings</a></p>
    @if (session.traveler() === null) {
      <h1>Your booking</h1>
      <ab-sign-in-prompt purpose="see this booking" [returnTo]="'/bookings/' + bookingId()" />
    } @else if (booking.error(); as error) {
      <h1>Booking not found</h1>
      <p class="ab-notice ab-notice--error" role="alert">{{ problem(error) }}</p>
    } @else if (shown(); as b) {
      <div class="ab-page-header">
        <div>
          <h1 id="booking-title" tabindex="-1">{{ heading() }}</h1>
          @if (b.launch; as launch) {
            <p class="ab-lead">
              {{ b.seats }} {{ b.seats === 1 ? 'seat' : 'seats' }} on {{ launch.missionName }},
              <ab-local-time [at]="launch.launchDate" /> · {{ b.totalCents | money: b.currency }}
            </p>
          }
        </div>
      </div>
      <p role="status" [class]="said() ? 'ab-notice ab-notice--good' : 'ab-visually-hidden'">{{ said() }}</p>

      @switch (stage()) {
        @case ('held') {
          <ab-hold-countdown [expiresAt]="b.holdExpiresAt!" (lapsed)="holdLapsed()" />
          <ol class="steps" aria-label="Booking steps">
            <li [attr.aria-current]="step() === 'passengers' ? 'step' : null">Passengers</li>
            <li [attr.aria-current]="step() === 'payment' ? 'step' : null">Payment</li>
            <li>Confirmation</li>
          </ol>
          @if (b.paymentUnderWay) {
            <p class="ab-notice">
              A payment for this booking is under way.
              <button type="button" class="ab-button--secondary" (click)="booking.reload()">Check again</button>
            </p>
          }
          @if (step() === 'passengers') {
            <ab-passengers-form [booking]="b" (saved)="passengersSaved($event)" (stale)="booking.reload()" />
          } @else {
            <ab-payment-form
              [booking]="b"
              (paid)="moved($event, 'Paid. Your seats are confirmed; this page is your receipt.')"
              (changePassengers)="changePassengers()"
              (stale)="booking.reload()"
            />
          }
        }
        @case ('lapsed') {
          <p class="ab-notice">
            These seats were held for {{ holdLength(b.holdMinutes) }}, and the hold lapsed before it was paid: the seats
            went back on sale.
            {{ b.paidCents > 0 ? 'Any payment taken has been refunded, as shown below.' : 'Nothing was charged.' }}
          </p>
          @if (b.launch; as launch) {
            <p>
              <a class="ab-button" [routerLink]="['/launches', launch.slug]">Book {{ launch.missionName }} again</a>
            </p>
          }
          @if (b.paidCents > 0) {
            <ab-receipt [booking]="b" />
          }
        }
        @case ('confirmed') {
          <ab-receipt [booking]="b" />
          <ab-cancel-booking
            [booking]="b"
            (cancelled)="moved($event, 'Your booking is cancelled.')"
            (stale)="booking.reload()"
          />
        }
        @case ('cancelled') {
          <p class="ab-notice">
            This booking is cancelled and its seats are back on sale.
            @if (b.refundedCents > 0) {
              {{ b.refundedCents | money: b.currency }} has been refunded to the card it was paid with.
            } @else {
              Nothing was refunded.
            }
          </p>
          <ab-receipt [booking]="b" />
        }
      }
    } @else {
      <h1>Your booking</h1>
      <p class="ab-notice" role="status">Loading your booking…</p>
    }
  `,
  styles: `
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ab-space-2) var(--ab-space-5);
      list-style: decimal inside;
      padding: 0;
      margin: 0 0 var(--ab-space-4);
      color: var(--ab-ink-muted);
    }
    .steps [aria-current] {
      color: var(--ab-ink);
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 0.3em;
    }
  `,
})
export class BookingPage {
  private readonly api = injectApi();
  private readonly focus = injectFocus();
  protected readonly session = inject(Session);
  /** From the route, `bookings/:bookingId`. */
  readonly bookingId = input.required<string>();

  protected readonly booking = queryResource({
    id: 'customer.bookings.get',
    params: () => (this.session.traveler() ? { bookingId: this.bookingId() } : undefined),
    loader: ({ params }) => this.api.bookings.get.query(params),
    namedByTheAddress: true,
  });
  protected readonly shown = computed<BookingView | null>(() =>
    this.booking.hasValue() ? this.booking.value() : null,
  );
  /** Set by the countdown when the time is up; the hold-expiry job marks the booking a little later. */
  protected readonly lapsed = signal(false);
  protected readonly stage = computed<Stage | null>(() => {
    const booking = this.shown();
    if (!booking) return null;
    if (booking.status !== 'held') return booking.status === 'expired' ? 'lapsed' : booking.status;
    const over = this.lapsed() || !booking.holdExpiresAt || Date.parse(booking.holdExpiresAt) <= Date.now();
    return over && !booking.paymentUnderWay ? 'lapsed' : 'held';
  });
  protected readonly heading = computed(() => headings[this.stage() ?? 'held']);
  /** Resumes where the traveler left off: payment once every seat has its passenger. */
  protected readonly step = linkedSignal<'passengers' | 'payment'>(() => {
    const booking = this.shown();
    return booking && booking.passengers.length === booking.seats ? 'payment' : 'passengers';
  });
  protected readonly said = signal('');

  constructor() {
    // Whatever moved the booking on (paying, cancelling, the hold running out, a look again after a refusal),
    // its heading now says where it stands: reading goes on from there.
    let seen: Stage | null = null;
    effect(() => {
      const stage = this.stage();
      if (seen && stage && stage !== seen) untracked(() => this.focus('#booking-title'));
      seen = stage ?? seen;
    });
  }

  /** The countdown ran out while the traveler was on a step, whose form now goes: say why. */
  protected holdLength(minutes: number): string {
    return holdLengthInWords(minutes);
  }

  protected holdLapsed(): void {
    this.lapsed.set(true);
    // A payment under way keeps the hold (the expiry job waits for it), and the page with it.
    if (this.stage() === 'lapsed') this.said.set('Your hold has lapsed and the seats went back on sale.');
  }

  protected passengersSaved(booking: BookingView): void {
    this.booking.set(booking);
    this.step.set('payment');
    this.focus('#payment-title');
  }

  protected changePassengers(): void {
    this.step.set('passengers');
    this.focus('#passengers-title');
  }

  /** The booking took a step (paid, cancelled): show it and say so. */
  protected moved(booking: BookingView, saying: string): void {
    this.booking.set(booking);
    this.said.set(saying);
  }

  protected problem(error: unknown): string {
    return problemMessage(error);
  }
}
