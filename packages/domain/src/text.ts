/**
 * What counts as text a person typed: no NUL or other control character, no half of a broken character. Every
 * form and API input of every service refuses the rest with these messages (PostgreSQL and FerretDB refuse
 * NUL with an error that would otherwise surface as a 500, and a lone surrogate cannot be stored faithfully).
 */

/** C0 and C1 control characters, DEL included; a multi-line field may still hold tabs and line breaks. */
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/u;
const controlCharacterBesidesLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Half of a surrogate pair without its other half (not `isWellFormed`: the apps' browser targets lack it). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unprintableMessage = 'Remove the invisible control characters from this text.';
export const brokenCharacterMessage = 'This text has a broken character in it; please type it again.';

/** Why `value` is not text a person typed, or null when it is; `multiline` lets tabs and line breaks through. */
export function textProblem(value: string, multiline = false): string | null {
  if ((multiline ? controlCharacterBesidesLineBreaks : controlCharacter).test(value)) return unprintableMessage;
  if (loneSurrogate.test(value)) return brokenCharacterMessage;
  return null;
}
