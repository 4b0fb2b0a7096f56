import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, resource, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import type { CatalogueEntry, WaitingPlace } from '@astro/api';
import { bookingOpen, seatLimits } from '@astro/domain';
import {
  FieldComponent,
  FieldControlDirective,
  injectFocus,
  injectInteractive,
  problemCode,
  signInPath,
} from '@astro/web-kit';
import { injectApi } from '../api';
import { Session } from '../session';
import { injectSubmission } from '../submission';

type LaunchForSale = Pick<CatalogueEntry, 'id' | 'slug' | 'status' | 'launchDate' | 'seatsLeft' | 'bookable'>;

/**
 * Where booking starts on a launch's page: how many seats, then a 10-minute hold and on to the booking page.
 * When every seat is taken (and the launch still sells), the same place offers the waiting list instead.
 */
@Component({
  selector: 'ab-book-seats',
  imports: [ReactiveFormsModule, FieldComponent, FieldControlDirective],
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
        @if (submission.problem(); as message) {
          <p class="ab-notice ab-notice--error" id="book-problem" role="alert" tabindex="-1">{{ message }}</p>
        }
        @if (place(); as waiting) {
          <p class="ab-notice ab-notice--good" id="waiting-place" tabindex="-1">
            You are number {{ waiting.position }} in line for {{ waiting.seats }}
            {{ waiting.seats === 1 ? 'seat' : 'seats' }}.
          </p>
          <div class="ab-actions">
            <button
              type="button"
              class="ab-button--secondary"
              [disabled]="submission.busy() || !interactive()"
              (click)="leave()"
            >
              Leave the waiting list
            </button>
          </div>
        } @else {
          <form class="ab-form" [formGroup]="form" (ngSubmit)="submit()" aria-labelledby="book-title">
            <ab-field
              for="seats-wanted"
              label="Number of seats"
              [hint]="seatsHint"
              [error]="submission.errors()['seats']"
            >
              <input
                abControl
                type="number"
                inputmode="numeric"
                min="1"
                [attr.max]="seatLimits.vip"
                formControlName="seats"
              />
            </ab-field>
            @if (session.traveler() === null) {
              <p class="ab-hint">You will be asked to sign in first, then come back to this page.</p>
            }
            <div class="ab-actions">
              <button type="submit" [disabled]="submission.busy() || !interactive()">
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
  protected readonly submission = injectSubmission('ab-book-seats', 'book-problem');

  readonly launch = input.required<LaunchForSale>();
  /** Seats chosen before signing in, carried back in the page's address. */
  readonly initialSeats = input<string>();

  protected readonly form = new FormGroup({ seats: new FormControl<number | null>(1) });
  protected readonly said = signal('');
  protected readonly seatLimits = seatLimits;
  protected readonly seatsHint = `1 to ${seatLimits.regular} seats a booking; VIP travelers may take up to ${seatLimits.vip}.`;

  /** Sold out while the launch still sells: the waiting list is open until booking would close. */
  protected readonly waitingListOpen = computed(() => {
    const launch = this.launch();
    return (
      launch.seatsLeft === 0 &&
      bookingOpen({ status: launch.status, launchDate: new Date(launch.launchDate) }, new Date())
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
      if (Number.isInteger(seats) && seats >= 1 && seats <= seatLimits.vip) this.form.controls.seats.setValue(seats);
    });
  }

  protected async submit(): Promise<void> {
    const launch = this.launch();
    const chosen = this.form.controls.seats.value;
    if (this.session.traveler() === null) return this.signIn(chosen);
    // An empty field travels as null, which the API refuses at the seats field like any other wrong number.
    const seats = chosen ?? Number.NaN;
    if (launch.bookable) {
      const outcome = await this.submission.run(() =>
        this.api.bookings.hold.mutate({ launchId: launch.id, seats, idempotencyKey: crypto.randomUUID() }),
      );
      if (outcome.ok) await this.router.navigate(['/bookings', outcome.value.bookingId]);
      else if (problemCode(outcome.error) === 'UNAUTHORIZED') this.signIn(chosen);
      return;
    }
    const outcome = await this.submission.run(() => this.api.waitingList.join.mutate({ launchId: launch.id, seats }));
    if (outcome.ok) {
      const joined = outcome.value;
      this.waiting.update((places) => [...(places ?? []).filter((p) => p.launchId !== joined.launchId), joined]);
      this.said.set('');
      this.focus('#waiting-place');
    } else if (problemCode(outcome.error) === 'UNAUTHORIZED') this.signIn(chosen);
  }

  protected async leave(): Promise<void> {
    const launchId = this.launch().id;
    const outcome = await this.submission.run(() => this.api.waitingList.leave.mutate({ launchId }));
    if (!outcome.ok) return;
    this.waiting.update((places) => (places ?? []).filter((p) => p.launchId !== launchId));
    this.said.set('You have left the waiting list.');
    this.focus('#book-title');
  }

  /** A visitor signs in first and comes back to this launch with the seats they chose. */
  private signIn(seats: number | null): void {
    const chosen = seats && Number.isInteger(seats) ? `?seats=${seats}` : '';
    this.document.location.assign(signInPath(`/launches/${this.launch().slug}${chosen}`));
  }
}
