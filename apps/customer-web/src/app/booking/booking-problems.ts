import { problemCode } from '@astro/web-kit';

/** The booking moved on meanwhile (its hold lapsed, it was paid or is being paid, the quote changed): look again. */
export function bookingMovedOn(error: unknown): boolean {
  const code = problemCode(error);
  return code === 'PRECONDITION_FAILED' || code === 'CONFLICT';
}
