import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import type { BookingView } from '@astro/api';
import { passengerAges, type Passenger } from '@astro/domain';
import { injectInteractive } from '@astro/web-kit';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';
import { injectApi } from '../api';
import { Session } from '../session';
import { bookingMovedOn } from './booking-problems';

/** The passengers step: a name and birth date for each seat, each checked by the server at its field. */
@Component({
  selector: 'ab-passengers-form',
  imports: [FormRoot, FormField, FieldComponent, FieldControlDirective, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="ab-panel ab-form" [formRoot]="entry.fields" aria-labelledby="passengers-title">
      <h2 id="passengers-title" tabindex="-1">Passengers</h2>
      <p class="ab-hint">
        One passenger for each seat, named as on their passport. Every passenger must be {{ ages.min }} to
        {{ ages.max }} years old on the launch date.
      </p>
      <ab-error-summary [for]="entry" [level]="3" />
      <div class="passengers">
        @for (passenger of entry.fields.passengers; track $index; let i = $index) {
          <fieldset class="ab-fieldset">
            <legend>Passenger {{ i + 1 }}</legend>
            <div class="ab-form-row">
              <ab-field [for]="'passenger-' + i + '-name'" label="Full name">
                <input abControl [formField]="passenger.name" [attr.autocomplete]="i === 0 ? 'name' : 'off'" />
              </ab-field>
              <ab-field [for]="'passenger-' + i + '-birth-date'" label="Birth date">
                <input
                  abControl
                  type="date"
                  [formField]="passenger.birthDate"
                  [attr.autocomplete]="i === 0 ? 'bday' : 'off'"
                />
              </ab-field>
            </div>
          </fieldset>
        }
      </div>
      <div class="ab-actions">
        <button type="submit" [disabled]="entry.busy() || !interactive()">Continue to payment</button>
      </div>
    </form>
  `,
  styles: `
    .passengers {
      display: grid;
      gap: var(--ab-space-4);
    }
  `,
})
export class PassengersFormComponent implements OnInit {
  private readonly api = injectApi();
  private readonly session = inject(Session);
  protected readonly interactive = injectInteractive();
  readonly booking = input.required<BookingView>();
  /** The booking with its passengers saved. */
  readonly saved = output<BookingView>();
  /** The booking moved on (its hold lapsed, say): the page should look at it again. */
  readonly stale = output<void>();

  protected readonly ages = passengerAges;
  private readonly passengers = signal<{ passengers: Passenger[] }>({ passengers: [] });
  protected readonly entry = injectSubmission(this.passengers, {
    save: async ({ passengers }) =>
      this.saved.emit(await this.api.bookings.passengers.mutate({ bookingId: this.booking().id, passengers })),
    refused: (error) => {
      if (bookingMovedOn(error)) this.stale.emit();
    },
  });

  ngOnInit(): void {
    const booking = this.booking();
    const passengers = Array.from({ length: booking.seats }, (_, seat) => {
      const saved = booking.passengers[seat];
      // Most travelers fly themselves: the first seat starts with their name.
      const name = saved?.name ?? (seat === 0 ? (this.session.traveler()?.name ?? '') : '');
      return { name, birthDate: saved?.birthDate ?? '' };
    });
    this.passengers.set({ passengers });
  }
}
