import { ChangeDetectionStrategy, Component, computed, Directive, inject, input } from '@angular/core';

/**
 * A form field as every app lays it out: the label, an optional hint, the control (projected, marked
 * `abControl`) and the server's message for it. The control gets its id, `aria-describedby` (hint and message)
 * and `aria-invalid` from here, so a screen reader reads all of it with the control.
 *
 * `<ab-field for="card-number" label="Card number" [error]="errors()['card.number']"><input abControl …/></ab-field>`
 */
@Component({
  selector: 'ab-field',
  host: { class: 'ab-field' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label [for]="controlId()">{{ label() }}</label>
    @if (hint(); as text) {
      <p class="ab-hint" [id]="controlId() + '-hint'">{{ text }}</p>
    }
    <ng-content />
    @if (error(); as message) {
      <p class="ab-field-error" [id]="controlId() + '-error'">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class FieldComponent {
  /** The control's id, unique on the page. */
  readonly controlId = input.required<string>({ alias: 'for' });
  readonly label = input.required<string>();
  readonly hint = input<string>();
  /** The server's message for this field, if it refused it. */
  readonly error = input<string | null | undefined>();

  readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.controlId()}-hint` : '', this.error() ? `${this.controlId()}-error` : '']
        .filter(Boolean)
        .join(' ') || null,
  );
}

/** The control inside an `<ab-field>`: takes its id, description and validity from the field. */
@Directive({
  selector: '[abControl]',
  host: {
    '[id]': 'field.controlId()',
    '[attr.aria-invalid]': 'field.error() ? "true" : null',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControlDirective {
  protected readonly field = inject(FieldComponent);
}
