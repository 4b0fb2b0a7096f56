/** Invoice and credit note numbers (SPEC.md §6): consecutive per calendar year (UTC) of issue, each kind its own sequence. */

export const documentKinds = ['invoice', 'credit-note'] as const;
export type DocumentKind = (typeof documentKinds)[number];

const prefixes: Record<DocumentKind, string> = { invoice: 'AB', 'credit-note': 'CN' };

/** `AB-2026-000042`, `CN-2026-000007`: six digits at least, more once a year passes a million. */
export function documentNumber(kind: DocumentKind, year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`A sequence starts at 1, got ${sequence}`);
  return `${prefixes[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year a document issued at this moment is numbered in: the calendar year in UTC. */
export const numberingYear = (issuedAt: Date) => issuedAt.getUTCFullYear();
