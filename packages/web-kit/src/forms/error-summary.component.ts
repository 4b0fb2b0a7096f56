import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  viewChild,
  type Signal,
} from '@angular/core';
import type { ReadonlyFieldState } from '@angular/forms/signals';
import { FieldComponent, refusedKind } from './field.ts';

/** What the summary reads of a form's submission (`injectSubmission`). */
export interface SummarizedSubmission {
  readonly fields: () => ReadonlyFieldState<unknown>;
  readonly refusals: Signal<number>;
}

/**
 * The top of a form after a refused submit, as GOV.UK lays it out: "There is a problem", the messages that belong
 * to no field, and a link to each field with its own message (the message itself stays at the field, once).
 *
 * It takes focus after each refusal, so a keyboard or screen reader user starts from what went wrong; when the
 * refusal names a single field and nothing else, that field takes focus instead, reading its label, value and
 * message at once, one step sooner.
 */
@Component({
  selector: 'ab-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let found = problems();
    @if (found.messages.length || found.fields.length) {
      <div #summary class="ab-error-summary" role="alert" tabindex="-1">
        <p class="ab-error-summary-title" role="heading" [attr.aria-level]="level()">There is a problem</p>
        @for (message of found.messages; track message) {
          <p>{{ message }}</p>
        }
        @if (found.fields.length) {
          <p>Please correct the fields marked below.</p>
          <ul>
            @for (field of found.fields; track field.controlId()) {
              <li>
                <a [href]="'#' + field.controlId()" (click)="$event.preventDefault(); field.focus()">{{
                  field.label()
                }}</a>
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class ErrorSummaryComponent {
  /** The form's submission. */
  readonly for = input.required<SummarizedSubmission>();
  /** The heading's level: one below the form's own heading. */
  readonly level = input(2);

  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  protected readonly problems = computed(() => {
    const messages = new Set<string>();
    const fields = new Set<FieldComponent>();
    for (const error of this.for().fields().errorSummary()) {
      if (error.kind !== refusedKind) continue;
      const field = fieldShowing(error.fieldTree());
      if (field) fields.add(field);
      else if (error.message) messages.add(error.message);
    }
    return { messages: [...messages], fields: [...fields] };
  });

  constructor() {
    const injector = inject(Injector);
    let seen: number | undefined;
    effect(() => {
      const refusals = this.for().refusals();
      if (seen !== undefined && refusals !== seen) afterNextRender(() => this.takeFocus(), { injector });
      seen = refusals;
    });
  }

  private takeFocus(): void {
    const { messages, fields } = this.problems();
    const [only] = fields;
    if (only && fields.length === 1 && messages.length === 0) only.focus();
    else this.summary()?.nativeElement.focus();
  }
}

/** The `<ab-field>` that shows this field's message, if its control is in one. */
function fieldShowing(field: ReadonlyFieldState<unknown>): FieldComponent | undefined {
  for (const binding of field.formFieldBindings()) {
    const shown = binding.injector.get(FieldComponent, null, { optional: true });
    if (shown) return shown;
  }
  return undefined;
}
