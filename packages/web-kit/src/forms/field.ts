import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChild,
  Directive,
  ElementRef,
  inject,
  input,
} from '@angular/core';
import { FormField } from '@angular/forms/signals';
import { refusedKind } from './submission.ts';

/**
 * A form field as every app lays it out: the label, an optional hint, the control (projected, marked
 * `abControl`) and, after a refused submit, the message for it. The control gets its id, `aria-describedby` (hint
 * and message) and `aria-invalid` from here, so a screen reader reads all of it with the control.
 *
 * `<ab-field for="card-number" label="Card number"><input abControl [formField]="payment.fields.card.number" /></ab-field>`
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

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** The control's signal-form binding; none on a plain form, such as the catalogue's filters. */
  private readonly control = contentChild(FormField, { descendants: true });

  /** Why the last submit was refused at this field, if it was. */
  readonly error = computed(
    () =>
      this.control()
        ?.errors()
        .find((error) => error.kind === refusedKind)?.message ?? null,
  );

  readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.controlId()}-hint` : '', this.error() ? `${this.controlId()}-error` : '']
        .filter(Boolean)
        .join(' ') || null,
  );

  /** Shows the field from its label down and puts the cursor in its control, as the error summary's links do. */
  focus(): void {
    this.host.scrollIntoView({ block: 'start' });
    this.control()?.focus({ preventScroll: true });
  }
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
