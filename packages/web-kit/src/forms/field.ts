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
import type { FieldTree } from '@angular/forms/signals';

/** The kind of every error a refusal puts on a form; the field and the summary show only these. */
export const refusedKind = 'refused';

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
  private readonly control = contentChild(FieldControlDirective, { descendants: true });

  /** Why the last submit was refused at this field, if it was. */
  readonly error = computed(
    () =>
      this.control()
        ?.formField()?.()
        .errors()
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
    this.control()?.focus();
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
  /**
   * The control's signal-form binding, read from the same `[formField]` Angular's `FormField` directive reads; none
   * on a plain form, such as the list filters. Read as an input rather than by querying `FormField`, so a page with
   * a plain form (the catalogue's first paint) does not load Angular's forms for its field layout.
   */
  readonly formField = input<FieldTree<unknown>>();
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  focus(): void {
    this.element.focus({ preventScroll: true });
  }
}
