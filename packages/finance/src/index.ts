/**
 * The Operational DB's finance flows (SPEC.md §6), transport-free: issuing invoices and numbering documents,
 * credit notes, agency payments, dunning, statements and reports. The jobs and the Admin and Supplier APIs call them.
 */
export { takeDocumentNumber, type DocumentNumber } from './numbering/numbering.ts';
export {
  launchesAwaitingInvoice,
  issueInvoices,
  invoicesAwaitingNotice,
  noteNoticesQueued,
  type IssueCounts,
  type InvoiceNotice,
} from './invoicing/invoicing.ts';
export { markOverdueInvoices, remindersToSend, recordReminder, type ReminderToSend } from './dunning/dunning.ts';
