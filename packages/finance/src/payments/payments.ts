/** Finance records the money an agency paid against an invoice (SPEC.md §6): partial allowed, never above what is owed. */
import { AgencyPayment, type AuditActor, type OperationalEntityManager } from '@astro/db/operational';
import { formatMoney, outstandingCents, paymentProblem, Problem, type InvoiceStatus } from '@astro/domain';
import { changeBalance, lockInvoice } from '../invoices/balance.ts';

export interface PaymentRequest {
  invoiceId: string;
  amountCents: number;
  /** The day the money arrived, `YYYY-MM-DD`. */
  paidOn: string;
  /** The bank's or the agency's reference for the transfer. */
  reference: string;
}

export interface RecordedPayment {
  paymentId: string;
  invoiceId: string;
  amountCents: number;
  paidCents: number;
  outstandingCents: number;
  status: InvoiceStatus;
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

export async function recordAgencyPayment(
  em: OperationalEntityManager,
  request: PaymentRequest,
  actor: AuditActor,
  now: Date,
): Promise<RecordedPayment> {
  if (request.paidOn > utcDay(now))
    throw Problem.invalid({ paidOn: 'The payment cannot arrive after today: enter the day the money arrived.' });
  const reference = request.reference.trim();
  if (!reference) throw Problem.invalid({ reference: 'Enter the bank’s reference for the transfer.' });
  return em.transactional(async (tx) => {
    const invoice = await lockInvoice(tx, request.invoiceId);
    if (request.paidOn < invoice.issueDate)
      throw Problem.invalid({
        paidOn: `The invoice was issued on ${invoice.issueDate}: a payment for it comes after.`,
      });
    // The same transfer entered twice (a double click, a retried request) is one payment; the lock makes the second
    // request find the first, and the unique index backs it.
    const earlier = await tx.findOne(AgencyPayment, { invoice: invoice.id, reference });
    if (earlier) {
      const message = `A payment with the reference “${reference}” is already recorded on this invoice: ${formatMoney({ cents: earlier.amountCents, currency: earlier.currency })} on ${earlier.paidOn}.`;
      throw new Problem('conflict', message, { reference: message });
    }
    const problem = paymentProblem(request.amountCents, invoice);
    if (problem) throw Problem.invalid({ amountCents: problem });
    const payment = tx.create(AgencyPayment, {
      invoice,
      amountCents: request.amountCents,
      currency: invoice.currency,
      paidOn: request.paidOn,
      reference,
      recordedAt: now,
      recordedBy: actor.email,
    });
    changeBalance(
      tx,
      invoice,
      {
        action: 'invoice.recordPayment',
        paidCents: request.amountCents,
        recorded: { paymentId: payment.id, amountCents: request.amountCents, paidOn: request.paidOn, reference },
      },
      actor,
      now,
    );
    await tx.flush();
    return {
      paymentId: payment.id,
      invoiceId: invoice.id,
      amountCents: payment.amountCents,
      paidCents: invoice.paidCents,
      outstandingCents: outstandingCents(invoice),
      status: invoice.status,
    };
  });
}
