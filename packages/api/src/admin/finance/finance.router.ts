import {
  creditNoteIdInput,
  invoiceIdInput,
  issueCreditNoteInput,
  listInvoicesInput,
  recordPaymentInput,
  reportInput,
  statementInput,
} from '../../finance/finance.schemas.ts';
import { admin } from '../trpc.ts';
import {
  agencyCreditNotePdf,
  agencyInvoiceDetail,
  agencyInvoicePdf,
  issueCreditNote,
  listAgencyInvoices,
  recordPayment,
  reportAsCsv,
  showReport,
  showStatement,
  statementAsCsv,
  statementAsPdf,
} from './finance.service.ts';

/** Finance's work and money: support is refused, as it was never theirs. */
const desk = admin.allow('finance', 'admin');

const invoicesRouter = admin.router({
  /** Every agency's invoices, filtered by status, agency, issue days and number; sorted, paged, with the totals. */
  list: desk.input(listInvoicesInput).query(({ ctx, input }) => listAgencyInvoices(ctx, input)),
  /** One invoice: lines, rule, billed to, payments, credit notes, reminders, its history and what it allows now. */
  detail: desk.input(invoiceIdInput).query(({ ctx, input }) => agencyInvoiceDetail(ctx, input)),
  /** Money the agency paid, at most what is outstanding; the same reference twice on one invoice is one payment. */
  recordPayment: desk.input(recordPaymentInput).mutation(({ ctx, input }) => recordPayment(ctx, input)),
  /** Lowers what the invoice asks for, with a reason, at most what is left to credit. */
  issueCreditNote: desk.input(issueCreditNoteInput).mutation(({ ctx, input }) => issueCreditNote(ctx, input)),
  /** The invoice's PDF as a file name and base64, for the page's download button. */
  pdf: desk.input(invoiceIdInput).query(({ ctx, input }) => agencyInvoicePdf(ctx, input)),
});

const creditNotesRouter = admin.router({
  /** The credit note's PDF, naming the invoice it corrects. */
  pdf: desk.input(creditNoteIdInput).query(({ ctx, input }) => agencyCreditNotePdf(ctx, input)),
});

const statementsRouter = admin.router({
  /** An agency's period: gross seat sales, refunds, platform fees and net payout, with its launches and documents. */
  show: desk.input(statementInput).query(({ ctx, input }) => showStatement(ctx, input)),
  csv: desk.input(statementInput).query(({ ctx, input }) => statementAsCsv(ctx, input)),
  pdf: desk.input(statementInput).query(({ ctx, input }) => statementAsPdf(ctx, input)),
});

const reportsRouter = admin.router({
  /** Per month and agency: revenue, refunds, fees, collected and pending; every month of the period for the chart. */
  show: desk.input(reportInput).query(({ ctx, input }) => showReport(ctx, input)),
  csv: desk.input(reportInput).query(({ ctx, input }) => reportAsCsv(ctx, input)),
});

export const financeRouter = admin.router({
  invoices: invoicesRouter,
  creditNotes: creditNotesRouter,
  statements: statementsRouter,
  reports: reportsRouter,
});
