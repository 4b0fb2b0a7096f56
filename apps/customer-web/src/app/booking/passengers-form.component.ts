import { ChangeDetectionStrategy, Component, inject, input, output, type OnInit } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import type { BookingView } from '@astro/api';
import { passengerAges } from '@astro/domain';
import { FieldComponent, FieldControlDirective, injectInteractive } from '@astro/web-kit';
import { injectApi } from '../api';
import { Session } from '../session';
import { injectSubmission } from '../submission';
import { bookingMovedOn, bookingRefusal } from './booking-problems';

const passengerGroup = (name: string, birthDate: string) =>
  new FormGroup({
    name: new FormControl(name, { nonNullable: true }),
    birthDate: new FormControl(birthDate, { nonNullable: true }),
  });

/** The passengers step: a name and birth date for each seat, each checked by the server at its field. */
@Component({
  selector: 'ab-passengers-form',
  imports: [ReactiveFormsModule, FieldComponent, FieldControlDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let errors = submission.errors();
    <form class="ab-panel ab-form" [formGroup]="form" (ngSubmit)="submit()" aria-labelledby="passengers-title">
      <h2 id="passengers-title" tabindex="-1">Passengers</h2>
      <p class="ab-hint">
        One passenger for each seat, named as on their passport. Every passenger must be {{ ages.min }} to
        {{ ages.max }} years old on the launch date.
      </p>
      @if (submission.problem(); as message) {
        <p class="ab-notice ab-notice--error" id="passengers-problem" role="alert" tabindex="-1">{{ message }}</p>
      }
      <div formArrayName="passengers" class="passengers">
        @for (passenger of form.controls.passengers.controls; track $index; let i = $index) {
          <fieldset class="ab-fieldset" [formGroupName]="i">
            <legend>Passenger {{ i + 1 }}</legend>
            <div class="ab-form-row">
              <ab-field
                [for]="'passenger-' + i + '-name'"
                label="Full name"
                [error]="errors['passengers.' + i + '.name']"
              >
                <input abControl formControlName="name" [attr.autocomplete]="i === 0 ? 'name' : 'off'" />
              </ab-field>
              <ab-field
                [for]="'passenger-' + i + '-birth-date'"
                label="Birth date"
                [error]="errors['passengers.' + i + '.birthDate']"
              >
                <input
                  abControl
                  type="date"
                  formControlName="birthDate"
                  [attr.autocomplete]="i === 0 ? 'bday' : 'off'"
                />
              </ab-field>
            </div>
          </fieldset>
        }
      </div>
      <div class="ab-actions">
        <button type="submit" [disabled]="submission.busy() || !interactive()">Continue to payment</button>
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
  protected readonly submission = injectSubmission(
    'ab-passengers-form',
    'passengers-problem',
    bookingRefusal('passengers'),
  );

  readonly booking = input.required<BookingView>();
  /** The booking with its passengers saved. */
  readonly saved = output<BookingView>();
  /** The booking moved on (its hold lapsed, say): the page should look at it again. */
  readonly stale = output<void>();

  protected readonly ages = passengerAges;
  protected readonly form = new FormGroup({ passengers: new FormArray<ReturnType<typeof passengerGroup>>([]) });

  ngOnInit(): void {
    const booking = this.booking();
    for (let seat = 0; seat < booking.seats; seat++) {
      const saved = booking.passengers[seat];
      // Most travelers fly themselves: the first seat starts with their name.
      const name = saved?.name ?? (seat === 0 ? (this.session.traveler()?.name ?? '') : '');
      this.form.controls.passengers.push(passengerGroup(name, saved?.birthDate ?? ''));
    }
  }

  protected async submit(): Promise<void> {
    const outcome = await this.submission.run(() =>
      this.api.bookings.passengers.mutate({
        bookingId: this.booking().id,
        passengers: this.form.getRawValue().passengers,
      }),
    );
    if (outcome.ok) this.saved.emit(outcome.value);
    else if (bookingMovedOn(outcome.error)) this.stale.emit();
  }
}
