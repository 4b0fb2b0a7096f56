import { creditNoteIdInput, invoiceIdInput, listOwnInvoicesInput, periodInput } from '../../finance/finance.schemas.ts';
import { agencyProcedure, supplier } from '../trpc.ts';
import {
  listOwnInvoices,
  ownCreditNotePdf,
  ownInvoiceDetail,
  ownInvoicePdf,
  ownStatement,
  ownStatementCsv,
  ownStatementPdf,
} from './invoices.service.ts';

export const invoicesRouter = supplier.router({
  /** The agency's invoices with status and outstanding amount, filtered, sorted and paged, with the totals. */
  list: agencyProcedure.input(listOwnInvoicesInput).query(({ ctx, input }) => listOwnInvoices(ctx, input)),
  /** One of the agency's invoices: lines, rule, payments, credit notes and reminders; another agency's is not found. */
  detail: agencyProcedure.input(invoiceIdInput).query(({ ctx, input }) => ownInvoiceDetail(ctx, input)),
  pdf: agencyProcedure.input(invoiceIdInput).query(({ ctx, input }) => ownInvoicePdf(ctx, input)),
  creditNotePdf: agencyProcedure.input(creditNoteIdInput).query(({ ctx, input }) => ownCreditNotePdf(ctx, input)),
});

/** The agency's statement of a period (a calendar month by default on the page), on screen, as CSV and as PDF. */
export const statementsRouter = supplier.router({
  show: agencyProcedure.input(periodInput).query(({ ctx, input }) => ownStatement(ctx, input)),
  csv: agencyProcedure.input(periodInput).query(({ ctx, input }) => ownStatementCsv(ctx, input)),
  pdf: agencyProcedure.input(periodInput).query(({ ctx, input }) => ownStatementPdf(ctx, input)),
});
