import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChild,
  Directive,
  ElementRef,
  inject,
  input,
  InjectionToken,
  signal,
  type Signal,
} from '@angular/core';

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
  private readonly control = contentChild(FIELD_CONTROL, { descendants: true });

  /** Why the last submit was refused at this field, if it was. */
  readonly error = computed(() => this.control()?.refusal() ?? null);

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

/** What a field reads of its control: provided by `FieldControlDirective`, or the signal-form one in `./index.ts`. */
export const FIELD_CONTROL = new InjectionToken<FieldControlDirective>('FIELD_CONTROL');

/**
 * The control inside an `<ab-field>` of a plain form (a list's GET filters): takes its id, description and validity
 * from the field. It knows nothing of Angular's forms, so a page with only plain forms (the catalogue's first paint)
 * does not load them; a signal form's control is `SignalFieldControlDirective`, exported by `@astro/web-kit/forms`
 * under this one's name.
 */
@Directive({
  selector: '[abControl]',
  providers: [{ provide: FIELD_CONTROL, useExisting: FieldControlDirective }],
  host: {
    '[id]': 'field.controlId()',
    '[attr.aria-invalid]': 'field.error() ? "true" : null',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControlDirective {
  protected readonly field = inject(FieldComponent);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  /** Why the last submit was refused at this control: a plain form is never refused at a field. */
  readonly refusal: Signal<string | null> = signal(null);

  focus(): void {
    this.element.focus({ preventScroll: true });
  }
}
