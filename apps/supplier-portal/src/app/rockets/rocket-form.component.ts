import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { destinationLabels, ranges, rocketCapacity, type Range } from '@astro/domain';
import { formProblems } from '@astro/web-kit';

export interface RocketFields {
  name: string;
  capacity: number;
  range: Range;
}

/** Adding or editing a rocket; the server's rules decide, and its messages show next to each field. */
@Component({
  selector: 'ab-rocket-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="ab-panel ab-form" [formGroup]="form" (ngSubmit)="submit()" [attr.aria-labelledby]="formId + '-title'">
      <h2 [id]="formId + '-title'">{{ title() }}</h2>
      @if (problem(); as message) {
        <p class="ab-notice ab-notice--error" role="alert">{{ message }}</p>
      }
      <div class="ab-form-row">
        <div class="ab-field">
          <label [for]="formId + '-name'">Name</label>
          <input
            [id]="formId + '-name'"
            formControlName="name"
            autocomplete="off"
            [attr.aria-invalid]="!!errors()['name']"
            [attr.aria-describedby]="errors()['name'] ? formId + '-name-error' : null"
          />
          @if (errors()['name']; as error) {
            <p class="ab-field-error" [id]="formId + '-name-error'">{{ error }}</p>
          }
        </div>
        <div class="ab-field">
          <label [for]="formId + '-capacity'">Seats</label>
          <p class="ab-hint" [id]="formId + '-capacity-hint'">{{ capacity.min }} to {{ capacity.max }}.</p>
          <input
            [id]="formId + '-capacity'"
            type="number"
            inputmode="numeric"
            formControlName="capacity"
            [attr.aria-invalid]="!!errors()['capacity']"
            [attr.aria-describedby]="
              formId + '-capacity-hint' + (errors()['capacity'] ? ' ' + formId + '-capacity-error' : '')
            "
          />
          @if (errors()['capacity']; as error) {
            <p class="ab-field-error" [id]="formId + '-capacity-error'">{{ error }}</p>
          }
        </div>
        <div class="ab-field">
          <label [for]="formId + '-range'">Reaches</label>
          <select
            [id]="formId + '-range'"
            formControlName="range"
            [attr.aria-invalid]="!!errors()['range']"
            [attr.aria-describedby]="errors()['range'] ? formId + '-range-error' : null"
          >
            @for (range of ranges; track range) {
              <option [value]="range">Up to {{ label(range) }}</option>
            }
          </select>
          @if (errors()['range']; as error) {
            <p class="ab-field-error" [id]="formId + '-range-error'">{{ error }}</p>
          }
        </div>
      </div>
      <div class="ab-actions">
        <button type="submit" [disabled]="saving()">{{ submitLabel() }}</button>
        <button type="button" class="ab-button--secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
})
export class RocketFormComponent {
  readonly title = input.required<string>();
  readonly submitLabel = input.required<string>();
  readonly initial = input<RocketFields | null>(null);
  /** Saves and resolves, or rejects with the server's error to show. */
  readonly save = input.required<(fields: RocketFields) => Promise<unknown>>();
  readonly cancelled = output<void>();
  readonly saved = output<string>();

  protected readonly formId = `rocket-${Math.random().toString(36).slice(2, 8)}`;
  protected readonly ranges = ranges;
  protected readonly capacity = rocketCapacity;
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly problem = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    capacity: new FormControl<number | null>(null),
    range: new FormControl<Range>('orbit', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const initial = this.initial();
      if (initial) this.form.setValue(initial);
    });
  }

  protected label(range: Range): string {
    return destinationLabels[range].replace(/^The /, 'the ');
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    this.saving.set(true);
    try {
      await this.save()({ name: value.name, capacity: Number(value.capacity), range: value.range });
      this.errors.set({});
      this.problem.set(null);
      this.saved.emit(value.name);
    } catch (error) {
      const { fields, summary } = formProblems(error);
      this.errors.set(fields);
      this.problem.set(summary);
    } finally {
      this.saving.set(false);
    }
  }
}
