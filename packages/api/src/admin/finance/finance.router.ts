import {
  invoiceIdInput,
  issueCreditNoteInput,
  listInvoicesInput,
  recordPaymentInput,
} from '../../finance/finance.schemas.ts';
import { admin } from '../trpc.ts';
import { agencyInvoiceDetail, issueCreditNote, listAgencyInvoices, recordPayment } from './finance.service.ts';

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
});

export const financeRouter = admin.router({
  invoices: invoicesRouter,
});
