/**
 * A credit note lowers what an invoice asks for (SPEC.md §6): finance or an admin issue it with a reason, never for
 * more than is left to credit. It has its own number (`CN-2026-000007`), taken in the transaction that inserts it.
 */
import { CreditNote, type AuditActor, type OperationalEntityManager } from '@astro/db/operational';
import { creditNoteProblem, outstandingCents, Problem, type InvoiceStatus } from '@astro/domain';
import { changeBalance, lockInvoice } from '../invoices/balance.ts';
import { takeDocumentNumber } from '../numbering/numbering.ts';

export interface CreditNoteRequest {
  invoiceId: string;
  amountCents: number;
  reason: string;
}

export interface IssuedCreditNote {
  creditNoteId: string;
  number: string;
  invoiceId: string;
  amountCents: number;
  creditedCents: number;
  outstandingCents: number;
  status: InvoiceStatus;
}

export async function issueCreditNote(
  em: OperationalEntityManager,
  request: CreditNoteRequest,
  actor: AuditActor,
  now: Date,
): Promise<IssuedCreditNote> {
  const reason = request.reason.trim();
  if (!reason) throw Problem.invalid({ reason: 'Say why the invoice is credited: the reason is on the credit note.' });
  return em.transactional(async (tx) => {
    // The invoice first, then the year's counter: every issuer takes them in this order.
    const invoice = await lockInvoice(tx, request.invoiceId);
    const problem = creditNoteProblem(request.amountCents, invoice);
    if (problem) throw Problem.invalid({ amountCents: problem });
    const { number, year, sequence } = await takeDocumentNumber(tx, 'credit-note', now);
    const note = tx.create(CreditNote, {
      number,
      year,
      sequence,
      invoice,
      amountCents: request.amountCents,
      currency: invoice.currency,
      reason,
      issuedAt: now,
      issueDate: now.toISOString().slice(0, 10),
      issuedBy: actor.email,
    });
    changeBalance(
      tx,
      invoice,
      {
        action: 'invoice.issueCreditNote',
        creditedCents: request.amountCents,
        recorded: { creditNoteId: note.id, number, amountCents: request.amountCents },
        reason,
      },
      actor,
      now,
    );
    await tx.flush();
    return {
      creditNoteId: note.id,
      number,
      invoiceId: invoice.id,
      amountCents: note.amountCents,
      creditedCents: invoice.creditedCents,
      outstandingCents: outstandingCents(invoice),
      status: invoice.status,
    };
  });
}
