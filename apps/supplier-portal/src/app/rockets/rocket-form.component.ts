import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormField, FormRoot } from '@angular/forms/signals';
import { destinationLabels, ranges, rocketCapacity, type Range } from '@astro/domain';
import { ErrorSummaryComponent, FieldComponent, FieldControlDirective, injectSubmission } from '@astro/web-kit/forms';

export interface RocketFields {
  name: string;
  capacity: number;
  range: Range;
}

/** Adding or editing a rocket; the server's rules decide, and its messages show next to each field. */
@Component({
  selector: 'ab-rocket-form',
  imports: [FormRoot, FormField, FieldComponent, FieldControlDirective, ErrorSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let fields = entry.fields;
    <form class="ab-panel ab-form" [formRoot]="fields" [attr.aria-labelledby]="formId + '-title'">
      <h2 [id]="formId + '-title'">{{ title() }}</h2>
      <ab-error-summary [for]="entry" [level]="3" />
      <div class="ab-form-row">
        <ab-field [for]="formId + '-name'" label="Name">
          <input abControl [formField]="fields.name" autocomplete="off" />
        </ab-field>
        <ab-field [for]="formId + '-capacity'" label="Seats" [hint]="capacity.min + ' to ' + capacity.max + '.'">
          <input abControl type="number" inputmode="numeric" [formField]="fields.capacity" />
        </ab-field>
        <ab-field [for]="formId + '-range'" label="Reaches">
          <select abControl [formField]="fields.range">
            @for (range of ranges; track range) {
              <option [value]="range">Up to {{ label(range) }}</option>
            }
          </select>
        </ab-field>
      </div>
      <div class="ab-actions">
        <button type="submit" [disabled]="entry.busy()">{{ submitLabel() }}</button>
        <button type="button" class="ab-button--secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
})
export class RocketFormComponent {
  readonly title = input.required<string>();
  readonly submitLabel = input.required<string>();
  readonly initial = input<RocketFields | null>(null);
  /** Saves, or rejects with the server's refusal to show. */
  readonly save = input.required<(fields: RocketFields) => Promise<unknown>>();
  readonly cancelled = output<void>();
  readonly saved = output<string>();

  protected readonly formId = `rocket-${Math.random().toString(36).slice(2, 8)}`;
  protected readonly ranges = ranges;
  protected readonly capacity = rocketCapacity;
  private readonly rocket = signal<{ name: string; capacity: number | null; range: Range }>({
    name: '',
    capacity: null,
    range: 'orbit',
  });
  protected readonly entry = injectSubmission(this.rocket, {
    save: async (rocket) => {
      await this.save()({ name: rocket.name, capacity: Number(rocket.capacity), range: rocket.range });
      this.saved.emit(rocket.name);
    },
  });

  constructor() {
    effect(() => {
      const initial = this.initial();
      if (initial) this.rocket.set(initial);
    });
  }

  protected label(range: Range): string {
    return destinationLabels[range].replace(/^The /, 'the ');
  }
}
