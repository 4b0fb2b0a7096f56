import { computed, Directive, inject, type Signal } from '@angular/core';
import { FormField } from '@angular/forms/signals';
import { FIELD_CONTROL, FieldControlDirective, refusedKind } from './field.ts';

/** The control inside an `<ab-field>` of a signal form: the field also shows the message a refusal put on it. */
@Directive({
  selector: '[abControl]',
  providers: [{ provide: FIELD_CONTROL, useExisting: SignalFieldControlDirective }],
})
export class SignalFieldControlDirective extends FieldControlDirective {
  /** The control's signal-form binding; none on a plain control in a signal form's page. */
  private readonly formField = inject(FormField, { self: true, optional: true });

  override readonly refusal: Signal<string | null> = computed(
    () => this.formField?.errors().find((error) => error.kind === refusedKind)?.message ?? null,
  );

  override focus(): void {
    if (this.formField) this.formField.focus({ preventScroll: true });
    else super.focus();
  }
}
