/**
 * An agency's invoices and statements as its suppliers see them: their own agency's only (another agency's invoice is
 * "not found"), read-only, so suppliers of a suspended agency still read them. No employee's e-mail is shown.
 */
import {
  agencyStatement,
  creditNoteDocument,
  invoiceDetail,
  listInvoices,
  type AgencyStatement,
  type InvoiceDetail,
  type InvoicePage,
} from '@astro/finance';
import { creditNotePdf, invoicePdf, statementPdf } from '../../finance/documents.ts';
import type {
  CreditNoteIdInput,
  CsvFile,
  DocumentFile,
  InvoiceIdInput,
  ListOwnInvoicesInput,
  PeriodInput,
} from '../../finance/finance.schemas.ts';
import { invoiceFilterOf } from '../../finance/invoices.ts';
import { statementCsv } from '../../finance/spreadsheets.ts';
import type { AgencyContext } from '../context.ts';

export const listOwnInvoices = (ctx: AgencyContext, input: ListOwnInvoicesInput): Promise<InvoicePage> =>
  listInvoices(ctx.operationalDb.fork(), invoiceFilterOf({ ...input, agencyId: ctx.agencyId }));

export type SupplierInvoiceDetail = Omit<InvoiceDetail, 'payments' | 'creditNotes'> & {
  payments: Omit<InvoiceDetail['payments'][number], 'recordedBy'>[];
  creditNotes: Omit<InvoiceDetail['creditNotes'][number], 'issuedBy'>[];
  /** Whom to pay and how, from the issuer's configured legal data; null where none is configured (some tests). */
  payTo: { legalName: string; email: string; paymentDetails: string } | null;
};

export async function ownInvoiceDetail(
  ctx: AgencyContext,
  { invoiceId }: InvoiceIdInput,
): Promise<SupplierInvoiceDetail> {
  const { payments, creditNotes, ...detail } = await invoiceDetail(ctx.operationalDb.fork(), invoiceId, {
    agencyId: ctx.agencyId,
  });
  return {
    ...detail,
    payments: payments.map(({ recordedBy: _by, ...payment }) => payment),
    creditNotes: creditNotes.map(({ issuedBy: _by, ...note }) => note),
    payTo: ctx.issuer
      ? { legalName: ctx.issuer.legalName, email: ctx.issuer.email, paymentDetails: ctx.issuer.paymentDetails }
      : null,
  };
}

export const ownInvoicePdf = async (ctx: AgencyContext, { invoiceId }: InvoiceIdInput): Promise<DocumentFile> =>
  invoicePdf(ctx.issuer, await invoiceDetail(ctx.operationalDb.fork(), invoiceId, { agencyId: ctx.agencyId }));

export const ownCreditNotePdf = async (
  ctx: AgencyContext,
  { creditNoteId }: CreditNoteIdInput,
): Promise<DocumentFile> =>
  creditNotePdf(
    ctx.issuer,
    await creditNoteDocument(ctx.operationalDb.fork(), creditNoteId, { agencyId: ctx.agencyId }),
  );

export const ownStatement = (ctx: AgencyContext, period: PeriodInput): Promise<AgencyStatement> =>
  agencyStatement(ctx.operationalDb.fork(), ctx.agencyId, { from: period.from, until: period.until });

export const ownStatementCsv = async (ctx: AgencyContext, period: PeriodInput): Promise<CsvFile> =>
  statementCsv(await ownStatement(ctx, period));

export const ownStatementPdf = async (ctx: AgencyContext, period: PeriodInput): Promise<DocumentFile> =>
  statementPdf(ctx.issuer, await ownStatement(ctx, period));
