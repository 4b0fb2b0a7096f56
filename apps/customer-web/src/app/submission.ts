import { signal } from '@angular/core';
import { formProblems, injectFocus } from '@astro/web-kit';

export type Submitted<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** How a refusal reads on a form: the message for each field, and one sentence above the form. */
export type Refusal = (error: unknown) => { fields: Record<string, string>; summary: string };

/**
 * One form's submits: busy while one runs; when the server refuses, its message for each field and a summary,
 * with focus on the first refused field inside `form`, or else on the summary (`#<summaryId>`), so a keyboard
 * or screen reader user lands on what to fix.
 */
export function injectSubmission(form: string, summaryId: string, explain: Refusal = formProblems) {
  const focus = injectFocus();
  const errors = signal<Record<string, string>>({});
  const problem = signal<string | null>(null);
  const busy = signal(false);
  return {
    errors: errors.asReadonly(),
    problem: problem.asReadonly(),
    busy: busy.asReadonly(),
    async run<T>(action: () => Promise<T>): Promise<Submitted<T>> {
      busy.set(true);
      try {
        const value = await action();
        errors.set({});
        problem.set(null);
        return { ok: true, value };
      } catch (error) {
        const { fields, summary } = explain(error);
        errors.set(fields);
        problem.set(summary);
        focus(`${form} [aria-invalid="true"]`, `#${summaryId}`);
        return { ok: false, error };
      } finally {
        busy.set(false);
      }
    },
  };
}
