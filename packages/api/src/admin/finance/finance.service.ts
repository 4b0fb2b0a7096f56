/**
 * The finance desk (SPEC.md §6): every agency's invoices, recording agency payments and issuing credit notes, the
 * documents of each, statements and reports. The flows are @astro/finance's; this says who asked and shapes the answer.
 */
import { AuditEntry } from '@astro/db/operational';
import {
  invoiceDetail,
  issueCreditNote as issueCreditNoteFlow,
  listInvoices,
  recordAgencyPayment,
  type InvoiceDetail,
  type InvoicePage,
} from '@astro/finance';
import { auditActorOf } from '../../access.ts';
import type {
  InvoiceIdInput,
  IssueCreditNoteInput,
  ListInvoicesInput,
  RecordPaymentInput,
} from '../../finance/finance.schemas.ts';
import { invoiceFilterOf } from '../../finance/invoices.ts';
import type { AdminContext } from '../context.ts';

export const listAgencyInvoices = (ctx: AdminContext, input: ListInvoicesInput): Promise<InvoicePage> =>
  listInvoices(ctx.operationalDb.fork(), invoiceFilterOf(input));

/** One change made to an invoice (a payment recorded, a credit note issued), as the audit trail keeps it. */
export interface InvoiceHistoryEntry {
  action: string;
  by: string;
  role: string;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** ISO 8601. */
  at: string;
}

export type AdminInvoiceDetail = InvoiceDetail & { history: InvoiceHistoryEntry[] };

export async function agencyInvoiceDetail(
  ctx: AdminContext,
  { invoiceId }: InvoiceIdInput,
): Promise<AdminInvoiceDetail> {
  const detail = await invoiceDetail(ctx.operationalDb.fork(), invoiceId);
  // Finance reads its own changes to invoices here; the audit trail page shows finance the bookings' only.
  const entries = await ctx.operationalDb
    .fork()
    .find(
      AuditEntry,
      { targetType: 'invoice', targetId: invoiceId },
      { orderBy: { at: 'asc', id: 'asc' }, limit: 200 },
    );
  return {
    ...detail,
    history: entries.map((entry) => ({
      action: entry.action,
      by: entry.actorEmail,
      role: entry.actorRole,
      reason: entry.reason ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: entry.at.toISOString(),
    })),
  };
}

export async function recordPayment(ctx: AdminContext, input: RecordPaymentInput) {
  const recorded = await recordAgencyPayment(ctx.operationalDb.fork(), input, auditActorOf(ctx.viewer!), ctx.now());
  ctx.log.info('Agency payment recorded', {
    invoiceId: input.invoiceId,
    amountCents: input.amountCents,
    by: ctx.viewer!.userId,
  });
  return recorded;
}

export async function issueCreditNote(ctx: AdminContext, input: IssueCreditNoteInput) {
  const issued = await issueCreditNoteFlow(ctx.operationalDb.fork(), input, auditActorOf(ctx.viewer!), ctx.now());
  ctx.log.info('Credit note issued', { invoiceId: input.invoiceId, number: issued.number, by: ctx.viewer!.userId });
  return issued;
}
