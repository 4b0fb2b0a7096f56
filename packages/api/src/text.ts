/**
 * The one building block for text a caller sends: every string field of every router is made with `text`,
 * so no handler or database ever sees a NUL, another control character, a lone surrogate or an unbounded string.
 */
import { z } from 'zod';
import { textProblem } from '@astro/domain';

export interface TextOptions {
  /** The most characters the field takes. */
  max: number;
  /** What to say when the text is longer than `max`. */
  tooLong?: string;
  /** Tabs and line breaks are allowed (a description, an address, a reason). */
  multiline?: boolean;
}

/** A string of at most `max` printable characters; chain `.trim()`, `.min()` or `.regex()` for the field's rule. */
export function text({ max, tooLong = `Use at most ${max} characters.`, multiline = false }: TextOptions) {
  return z
    .string({ error: 'Enter text here.' })
    .max(max, tooLong)
    .superRefine((value, context) => {
      const problem = textProblem(value, multiline);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

/** A case-insensitive match of `part` anywhere in a field, as typed: the caller's characters never act as a pattern. */
export const containing = (part: string) => new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
