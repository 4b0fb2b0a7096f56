/**
 * The one form idiom of the four apps: Angular's signal forms (`@angular/forms/signals`), with the server deciding.
 *
 * Why signal forms rather than typed reactive forms: they are Angular's stable API from v22, built on signals, so a
 * zoneless, OnPush page updates without subscriptions; the model is a plain signal, so what the server rendered is
 * what the browser hydrates with; on the server they skip the browser-only work (validity events, DOM observers).
 * And their field state carries errors to the exact field, nested and in lists, which is where the server's messages
 * go (`passengers.1.birthDate`).
 *
 * The messages are the server's (its `fieldErrors`, see `packages/api/src/trpc.ts`) or a form's own check in the
 * same shape. They stay until the next submit, as on a page the server renders again.
 */
import { signal, type Signal, type WritableSignal } from '@angular/core';
import {
  form,
  isFieldTree,
  validateTree,
  type FieldTree,
  type ReadonlyFieldTree,
  type SchemaFn,
  type SchemaPath,
  type ValidationError,
} from '@angular/forms/signals';
import { fieldErrorsOf, problemMessage } from '../errors.ts';
import { refusedKind } from './field.ts';

/** Messages by field path (`card.number`, `passengers.1.birthDate`), as the server's `fieldErrors` carry them. */
export type FieldProblems = Record<string, string>;

export interface SubmissionOptions<T> {
  /** The fields' limits (`min`, `max` …), which their controls carry as attributes; the server still decides. */
  rules?: SchemaFn<T>;
  /** What the form's own submit does (`[formRoot]`); a refusal is shown, anything else is the save's to show. */
  save?: (value: T) => Promise<unknown>;
  /** The form's own check before the server is asked, for what the page knows is missing. */
  check?: (value: T) => FieldProblems;
  /** Server field → this form's field, where the form edits it under another name (a price in dollars for cents). */
  renamed?: Record<string, string>;
  /** Told of every refusal by the server, after it is shown (to look at a booking again, to sign in first …). */
  refused?: (error: unknown) => void;
}

export interface Submission<T> {
  /** The signal form: `<form [formRoot]="x.fields">`, `<input [formField]="x.fields.name">`. */
  readonly fields: FieldTree<T>;
  /** A submit is under way: its buttons wait. */
  readonly busy: Signal<boolean>;
  /** How many submits were refused: the error summary takes focus after each. */
  readonly refusals: Signal<number>;
  /** Submits with `save`, or the form's own save; resolves to whether it was saved. */
  submit(save?: (value: T) => Promise<unknown>): Promise<boolean>;
  /** Forgets the last refusal, once something else on the page has made it moot. */
  clear(): void;
}

/**
 * A signal form over `model` whose submits go to the server. A refusal puts each of the server's messages on the
 * field it names; a message for a field this form does not have, or for none, goes on the form, for its
 * `<ab-error-summary>`. Call it where `inject` works (a field initializer).
 */
export function injectSubmission<T>(model: WritableSignal<T>, options: SubmissionOptions<T> = {}): Submission<T> {
  const refusal = signal<ValidationError.WithOptionalFieldTree[]>([]);
  const busy = signal(false);
  const refusals = signal(0);

  const refuse = (errors: ValidationError.WithOptionalFieldTree[]) => {
    refusal.set(errors);
    refusals.update((count) => count + 1);
  };

  const submit = async (save = options.save): Promise<boolean> => {
    if (!save) throw new Error('This form has no save of its own: pass one to submit().');
    if (busy()) return false;
    busy.set(true);
    refusal.set([]);
    try {
      // A control whose text is no value (half a date, "1e" in a number) keeps its last value: never send that.
      const unreadable = fields()
        .errorSummary()
        .filter((error) => error.kind === 'parse');
      if (unreadable.length) {
        refuse(
          unreadable.map((error) => ({ kind: refusedKind, message: unreadableMessage, fieldTree: error.fieldTree })),
        );
        return false;
      }
      const value = model();
      const problems = options.check?.(value) ?? {};
      if (Object.keys(problems).length) {
        refuse(errorsOn(fields, problems, null, options.renamed));
        return false;
      }
      await save(value);
      return true;
    } catch (error) {
      const problems = fieldErrorsOf(error);
      refuse(errorsOn(fields, problems, Object.keys(problems).length ? null : problemMessage(error), options.renamed));
      options.refused?.(error);
      return false;
    } finally {
      busy.set(false);
    }
  };

  // `T` is a plain model, never a reactive-forms control, whose path the compiler cannot rule out for a generic.
  const fields = form(
    model,
    (root) => {
      options.rules?.(root);
      validateTree(root as SchemaPath<T>, () => refusal());
    },
    {
      // `[formRoot]` submits through here; the refusal's own errors must not stop the next try.
      ...(options.save ? { submission: { action: async () => void (await submit()), ignoreValidators: 'all' } } : {}),
    },
  );
  return { fields, busy: busy.asReadonly(), refusals: refusals.asReadonly(), submit, clear: () => refusal.set([]) };
}

const unreadableMessage = 'This is not a value the field can read: enter it again.';

/** Each message on the field its path names in `root`, or on `root` itself when the form has no such field. */
function errorsOn(
  root: ReadonlyFieldTree<unknown>,
  problems: FieldProblems,
  formMessage: string | null,
  renamed: Record<string, string> = {},
): ValidationError.WithOptionalFieldTree[] {
  const errors: ValidationError.WithOptionalFieldTree[] = Object.entries(problems).map(([path, message]) => {
    const field = fieldAt(root, renamed[path] ?? path);
    return field ? { kind: refusedKind, message, fieldTree: field } : { kind: refusedKind, message };
  });
  if (formMessage) errors.push({ kind: refusedKind, message: formMessage });
  return errors;
}

function fieldAt(root: ReadonlyFieldTree<unknown>, path: string): ReadonlyFieldTree<unknown> | undefined {
  let field: unknown = root;
  for (const key of path.split('.')) {
    if (!isFieldTree(field)) return undefined;
    field = Reflect.get(field, key);
  }
  return isFieldTree(field) ? field : undefined;
}
