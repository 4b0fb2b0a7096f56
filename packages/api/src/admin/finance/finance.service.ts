/**
 * The finance desk (SPEC.md §6): every agency's invoices, recording agency payments and issuing credit notes, the
 * documents of each, statements and reports. The flows are @astro/finance's; this says who asked and shapes the answer.
 */
import { AuditEntry } from '@astro/db/operational';
import {
  agencyStatement,
  creditNoteDocument,
  financeReport,
  invoiceActions,
  invoiceDetail,
  issueCreditNote as issueCreditNoteFlow,
  listInvoices,
  recordAgencyPayment,
  type AgencyStatement,
  type FinanceReport,
  type InvoiceActions,
  type InvoiceDetail,
  type InvoicePage,
} from '@astro/finance';
import { auditActorOf } from '../../access.ts';
import { creditNotePdf, invoicePdf, statementPdf } from '../../finance/documents.ts';
import type {
  CreditNoteIdInput,
  CsvFile,
  DocumentFile,
  InvoiceIdInput,
  IssueCreditNoteInput,
  ListInvoicesInput,
  RecordPaymentInput,
  ReportInput,
  StatementInput,
} from '../../finance/finance.schemas.ts';
import { reportCsv, statementCsv } from '../../finance/spreadsheets.ts';
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

export type AdminInvoiceDetail = InvoiceDetail & {
  /** Finance and admins may do what the invoice allows. */
  actions: InvoiceActions;
  /** Oldest first. */
  history: InvoiceHistoryEntry[];
};

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
    actions: invoiceActions(detail),
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

export const agencyInvoicePdf = async (ctx: AdminContext, { invoiceId }: InvoiceIdInput): Promise<DocumentFile> =>
  invoicePdf(ctx.issuer, await invoiceDetail(ctx.operationalDb.fork(), invoiceId));

export const agencyCreditNotePdf = async (
  ctx: AdminContext,
  { creditNoteId }: CreditNoteIdInput,
): Promise<DocumentFile> => creditNotePdf(ctx.issuer, await creditNoteDocument(ctx.operationalDb.fork(), creditNoteId));

export const showStatement = (ctx: AdminContext, { agencyId, from, until }: StatementInput): Promise<AgencyStatement> =>
  agencyStatement(ctx.operationalDb.fork(), agencyId, { from, until });

export const statementAsCsv = async (ctx: AdminContext, input: StatementInput): Promise<CsvFile> =>
  statementCsv(await showStatement(ctx, input));

export const statementAsPdf = async (ctx: AdminContext, input: StatementInput): Promise<DocumentFile> =>
  statementPdf(ctx.issuer, await showStatement(ctx, input));

export const showReport = (ctx: AdminContext, { from, until, agencyId }: ReportInput): Promise<FinanceReport> =>
  financeReport(ctx.operationalDb.fork(), { period: { from, until }, agencyId });

export const reportAsCsv = async (ctx: AdminContext, input: ReportInput): Promise<CsvFile> =>
  reportCsv(await showReport(ctx, input));
