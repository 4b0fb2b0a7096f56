import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, resource, signal } from '@angular/core';
import { FormField, FormRoot, max, min } from '@angular/forms/signals';
import { Router } from '@angular/router';
import type { CatalogueEntry, WaitingPlace } from '@astro/api';
import { bookingOpen, seatLimits } from '@astro/domain';
import { injectFocus, injectInteractive, problemCode, signInPath } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { Session } from '../session';

type LaunchForSale = Pick<
  CatalogueEntry,
  'id' | 'slug' | 'status' | 'launchDate' | 'seatsLeft' | 'bookable' | 'salesPaused'
>;

/**
 * Where booking starts on a launch's page: how many seats, then a 10-minute hold and on to the booking page.
 * When every seat is taken (and the launch still sells), the same place offers the waiting list instead.
 */
@Component({
  selector: 'ab-book-seats',
  imports: [FormRoot, FormField, FieldComponent, FieldControlDirective, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (launch().bookable || waitingListOpen()) {
      <section class="ab-panel book" aria-labelledby="book-title">
        @if (launch().bookable) {
          <h2 id="book-title" tabindex="-1">Book seats</h2>
          <p>Your seats are held for 10 minutes while you enter the passengers and pay.</p>
        } @else {
          <h2 id="book-title" tabindex="-1">Waiting list</h2>
          <p>
            Every seat is taken. When seats come back, the first traveler in line is e-mailed a priority hold, valid for
            24 hours.
          </p>
        }
        <ab-error-summary [for]="booking" [level]="3" />
        @if (place(); as waiting) {
          <p class="ab-notice ab-notice--good" id="waiting-place" tabindex="-1">
            You are number {{ waiting.position }} in line for {{ waiting.seats }}
            {{ waiting.seats === 1 ? 'seat' : 'seats' }}.
          </p>
          <div class="ab-actions">
            <button
              type="button"
              class="ab-button--secondary"
              [disabled]="booking.busy() || !interactive()"
              (click)="booking.submit(leave)"
            >
              Leave the waiting list
            </button>
          </div>
        } @else {
          <form class="ab-form" [formRoot]="booking.fields" aria-labelledby="book-title">
            <ab-field for="seats-wanted" label="Number of seats" [hint]="seatsHint">
              <input abControl type="number" inputmode="numeric" [formField]="booking.fields.seats" />
            </ab-field>
            @if (session.traveler() === null) {
              <p class="ab-hint">You will be asked to sign in first, then come back to this page.</p>
            }
            <div class="ab-actions">
              <button type="submit" [disabled]="booking.busy() || !interactive()">
                {{ launch().bookable ? 'Book seats' : 'Join the waiting list' }}
              </button>
            </div>
          </form>
        }
        <p role="status" class="ab-visually-hidden">{{ said() }}</p>
      </section>
    }
  `,
  styles: `
    .book {
      margin-top: var(--ab-space-5);
      padding: var(--ab-space-4);
    }
    .book .ab-form {
      padding: 0;
    }
    .book input {
      max-width: 10rem;
    }
  `,
})
export class BookSeatsComponent {
  private readonly api = injectApi();
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly focus = injectFocus();
  protected readonly session = inject(Session);
  protected readonly interactive = injectInteractive();

  readonly launch = input.required<LaunchForSale>();
  /** Seats chosen before signing in, carried back in the page's address. */
  readonly initialSeats = input<string>();

  private readonly chosen = signal<{ seats: number | null }>({ seats: 1 });
  protected readonly booking = injectSubmission(this.chosen, {
    rules: ({ seats }) => {
      min(seats, 1);
      max(seats, seatLimits.vip);
    },
    save: ({ seats }) => this.book(seats),
    refused: (error) => {
      if (problemCode(error) === 'UNAUTHORIZED') this.signIn(this.chosen().seats);
    },
  });
  protected readonly said = signal('');
  protected readonly seatsHint = `1 to ${seatLimits.regular} seats a booking; VIP travelers may take up to ${seatLimits.vip}.`;

  /** Sold out while the launch still sells: the waiting list is open until booking would close. */
  protected readonly waitingListOpen = computed(() => {
    const launch = this.launch();
    return (
      launch.seatsLeft === 0 &&
      bookingOpen(
        { status: launch.status, launchDate: new Date(launch.launchDate), salesPaused: launch.salesPaused },
        new Date(),
      )
    );
  });
  private readonly waiting = resource({
    id: 'customer.waitingList.mine',
    params: () => (this.session.traveler() && this.waitingListOpen() ? {} : undefined),
    loader: () => this.api.waitingList.mine.query(),
  });
  protected readonly place = computed<WaitingPlace | null>(
    () => (this.waiting.hasValue() && this.waiting.value().find((p) => p.launchId === this.launch().id)) || null,
  );

  constructor() {
    effect(() => {
      const seats = Number(this.initialSeats());
      if (Number.isInteger(seats) && seats >= 1 && seats <= seatLimits.vip) this.chosen.set({ seats });
    });
  }

  private async book(chosen: number | null): Promise<void> {
    const launch = this.launch();
    if (this.session.traveler() === null) return this.signIn(chosen);
    // An empty field travels as null, which the API refuses at the seats field like any other wrong number.
    const seats = chosen ?? Number.NaN;
    if (launch.bookable) {
      const hold = await this.api.bookings.hold.mutate({
        launchId: launch.id,
        seats,
        idempotencyKey: crypto.randomUUID(),
      });
      await this.router.navigate(['/bookings', hold.bookingId]);
      return;
    }
    const joined = await this.api.waitingList.join.mutate({ launchId: launch.id, seats });
    this.waiting.update((places) => [...(places ?? []).filter((p) => p.launchId !== joined.launchId), joined]);
    this.said.set('');
    this.focus('#waiting-place');
  }

  protected readonly leave = async (): Promise<void> => {
    const launchId = this.launch().id;
    await this.api.waitingList.leave.mutate({ launchId });
    this.waiting.update((places) => (places ?? []).filter((p) => p.launchId !== launchId));
    this.said.set('You have left the waiting list.');
    this.focus('#book-title');
  };

  /** A visitor signs in first and comes back to this launch with the seats they chose. */
  private signIn(seats: number | null): void {
    const chosen = seats && Number.isInteger(seats) ? `?seats=${seats}` : '';
    this.document.location.assign(signInPath(`/launches/${this.launch().slug}${chosen}`));
  }
}
