/**
 * The Operational DB's finance flows (SPEC.md §6), transport-free: issuing invoices and numbering documents,
 * credit notes, agency payments, dunning, statements and reports. The jobs and the Admin and Supplier APIs call them.
 */
export { takeDocumentNumber, type DocumentNumber } from './numbering/numbering.ts';
export {
  creditNoteDocument,
  findInvoice,
  invoiceActions,
  invoiceDetail,
  invoiceNotFound,
  invoiceSorts,
  listInvoices,
  type CreditNoteDocument,
  type InvoiceActions,
  type InvoiceCreditNote,
  type InvoiceDetail,
  type InvoiceFilter,
  type InvoicePage,
  type InvoicePayment,
  type InvoiceReminderSent,
  type InvoiceRow,
  type InvoiceScope,
  type InvoiceSort,
  type InvoiceTotals,
} from './invoices/invoices.ts';
export { recordAgencyPayment, type PaymentRequest, type RecordedPayment } from './payments/payments.ts';
export { issueCreditNote, type CreditNoteRequest, type IssuedCreditNote } from './credit-notes/credit-notes.ts';
export {
  agencyStatement,
  type AgencyStatement,
  type StatementDocument,
  type StatementLaunch,
} from './statements/statements.ts';
export { financeReport, type FinanceReport, type ReportFigures, type ReportRow } from './reports/reports.ts';
export {
  launchesAwaitingInvoice,
  issueInvoices,
  invoicesAwaitingNotice,
  noteNoticesQueued,
  type IssueCounts,
  type InvoiceNotice,
} from './invoicing/invoicing.ts';
export { markOverdueInvoices, remindersToSend, recordReminder, type ReminderToSend } from './dunning/dunning.ts';
