/**
 * The next invoice or credit note number (SPEC.md §6): consecutive per UTC calendar year, no gap, no duplicate.
 *
 * Written here rather than with a PostgreSQL sequence: a sequence hands out numbers outside transactions, so a
 * rolled-back issue would leave a gap. The year's counter row is taken with `insert … on conflict do update …
 * returning` inside the caller's transaction: the row stays locked until that transaction ends, a second issuer
 * waits for it, and a rollback gives the number back with the document it was for.
 */
import { documentNumber, numberingYear, type DocumentKind } from '@astro/domain';
import type { OperationalEntityManager } from '@astro/db/operational';

export interface DocumentNumber {
  year: number;
  sequence: number;
  number: string;
}

/** Call inside the transaction that inserts the document, and insert it before that transaction commits. */
export async function takeDocumentNumber(
  em: OperationalEntityManager,
  kind: DocumentKind,
  issuedAt: Date,
): Promise<DocumentNumber> {
  if (!em.isInTransaction()) throw new Error('A document number is taken inside the transaction that issues it.');
  const year = numberingYear(issuedAt);
  const [row] = await em.execute<{ last: number }[]>(
    `insert into document_counter (kind, year, last) values (?, ?, 1)
     on conflict (kind, year) do update set last = document_counter.last + 1
     returning last`,
    [kind, year],
  );
  const sequence = Number(row!.last);
  return { year, sequence, number: documentNumber(kind, year, sequence) };
}
