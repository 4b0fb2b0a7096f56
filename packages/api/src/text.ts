/**
 * The one building block for text a caller sends: every string field of every router is made with `text`,
 * so no handler or database ever sees a NUL, another control character, a lone surrogate or an unbounded string
 * (PostgreSQL and FerretDB refuse the first three with an error that would otherwise surface as a 500).
 */
import { z } from 'zod';

/** C0 and C1 control characters, DEL included; a multi-line field may still hold tabs and line breaks. */
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/u;
const controlCharacterBesidesLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Half of a surrogate pair without its other half (not `isWellFormed`: the apps' browser targets lack it). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unprintableMessage = 'Remove the invisible control characters from this text.';
export const brokenCharacterMessage = 'This text has a broken character in it; please type it again.';

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
  const unprintable = multiline ? controlCharacterBesidesLineBreaks : controlCharacter;
  return z
    .string({ error: 'Enter text here.' })
    .max(max, tooLong)
    .refine((value) => !unprintable.test(value), unprintableMessage)
    .refine((value) => !loneSurrogate.test(value), brokenCharacterMessage);
}
