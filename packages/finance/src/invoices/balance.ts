/**
 * What a payment or a credit note does to its invoice, under the invoice row's lock: requests for one invoice are
 * judged one after another, so however many arrive at once none is judged against a balance another has changed.
 */
import { Invoice, recordAudit, type AuditActor, type OperationalEntityManager } from '@astro/db/operational';
import { invoiceStatus, outstandingCents } from '@astro/domain';
import { invoiceNotFound } from './invoices.ts';

/** Call inside the transaction that changes the invoice; the row stays locked until it ends. */
export async function lockInvoice(em: OperationalEntityManager, invoiceId: string): Promise<Invoice> {
  const [locked] = await em.execute<{ id: string }[]>('select id from invoice where id = ? for update', [invoiceId]);
  if (!locked) throw invoiceNotFound();
  return em.findOneOrFail(Invoice, invoiceId, { refresh: true, populate: ['agency', 'launch'] });
}

const balanceOf = (invoice: Invoice) => ({
  creditedCents: invoice.creditedCents,
  paidCents: invoice.paidCents,
  outstandingCents: outstandingCents(invoice),
  status: invoice.status,
});

/** Adds to the invoice's sums, sets the status they give now, and records who did it with the balance before and after. */
export function changeBalance(
  em: OperationalEntityManager,
  invoice: Invoice,
  change: {
    action: 'invoice.recordPayment' | 'invoice.issueCreditNote';
    paidCents?: number;
    creditedCents?: number;
    /** What was recorded, kept with the entry. */
    recorded: Record<string, unknown>;
    reason?: string;
  },
  actor: AuditActor,
  now: Date,
) {
  const before = balanceOf(invoice);
  invoice.paidCents += change.paidCents ?? 0;
  invoice.creditedCents += change.creditedCents ?? 0;
  invoice.status = invoiceStatus(invoice, now);
  recordAudit(
    em,
    {
      actor,
      action: change.action,
      target: { type: 'invoice', id: invoice.id },
      before,
      after: { ...balanceOf(invoice), ...change.recorded },
      reason: change.reason ?? null,
    },
    now,
  );
}
