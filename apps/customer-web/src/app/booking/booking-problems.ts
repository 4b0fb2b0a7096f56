import { formProblems, problemCode } from '@astro/web-kit';
import type { Refusal } from '../submission';

/**
 * How a booking step reads a refusal when it shows only the fields under `fieldPrefix` (`passengers`, `card`):
 * a message for any other field, or for the whole list, goes in the summary instead.
 */
export function bookingRefusal(fieldPrefix: string): Refusal {
  return (error) => {
    const { fields, summary } = formProblems(error);
    const shown = Object.keys(fields).some((field) => field.startsWith(`${fieldPrefix}.`));
    return { fields, summary: shown ? summary : (fields[fieldPrefix] ?? Object.values(fields)[0] ?? summary) };
  };
}

/** The booking moved on meanwhile (its hold lapsed, it was paid or is being paid, the quote changed): look again. */
export function bookingMovedOn(error: unknown): boolean {
  const code = problemCode(error);
  return code === 'PRECONDITION_FAILED' || code === 'CONFLICT';
}
