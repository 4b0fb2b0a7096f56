/** The inputs both audiences' finance procedures share: ids, amounts, days and periods, each with its field message. */
import { z } from 'zod';
import { invoiceSorts } from '@astro/finance';
import { invoiceStatuses, periodProblem } from '@astro/domain';
import { text } from '../text.ts';

export const invoiceId = z.uuid('This is not an invoice id.');
export const creditNoteId = z.uuid('This is not a credit note id.');
export const agencyId = z.uuid('Choose an agency from the list.');
/** A calendar day, `YYYY-MM-DD`, as a date field gives it; read in UTC. */
export const day = z.iso.date('Enter a date like 2027-03-14.');
/** Whole cents, as the page sends an amount typed in dollars. */
export const amountCents = z
  .number({ error: 'Enter an amount.' })
  .int('An amount is a whole number of cents.')
  .min(1, 'Enter an amount more than 0.')
  .max(Number.MAX_SAFE_INTEGER, 'This amount is too large.');

/** A period of whole UTC days, both included; a report or statement of more than ten years is refused. */
const periodFields = { from: day, until: day };
function periodRule(input: { from: string; until: string }, context: z.RefinementCtx) {
  const problem = periodProblem(input);
  if (problem) context.addIssue({ code: 'custom', path: ['until'], message: problem });
  else if (Date.parse(input.until) - Date.parse(input.from) > 3_660 * 86_400_000)
    context.addIssue({ code: 'custom', path: ['until'], message: 'Choose a period of at most ten years.' });
}

const invoiceListFields = {
  status: z.enum(invoiceStatuses, 'Choose a status from the list.').optional(),
  /** Invoices issued on these days (UTC), both included. */
  issuedFrom: day.optional(),
  issuedUntil: day.optional(),
  /** A whole number, its start (`AB-2026-00`) or the sequence alone (`42`). */
  number: text({ max: 40, tooLong: 'An invoice number has at most 40 characters.' }).trim().optional(),
  sort: z.enum(invoiceSorts).default('issueDate'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100, 'Ask for at most 100 invoices a page.').default(20),
};
function issuedRule(input: { issuedFrom?: string; issuedUntil?: string }, context: z.RefinementCtx) {
  if (input.issuedFrom && input.issuedUntil && input.issuedUntil < input.issuedFrom)
    context.addIssue({ code: 'custom', path: ['issuedUntil'], message: 'The last day must not be before the first.' });
}

/** Finance's list, of every agency or the one chosen. */
export const listInvoicesInput = z
  .object({ ...invoiceListFields, agencyId: agencyId.optional() })
  .superRefine(issuedRule);
/** A supplier's list: their own agency's, so no agency to choose. */
export const listOwnInvoicesInput = z.object(invoiceListFields).superRefine(issuedRule);
export type ListOwnInvoicesInput = z.infer<typeof listOwnInvoicesInput>;
export type ListInvoicesInput = z.infer<typeof listInvoicesInput>;

export const invoiceIdInput = z.object({ invoiceId });
export type InvoiceIdInput = z.infer<typeof invoiceIdInput>;

export const creditNoteIdInput = z.object({ creditNoteId });
export type CreditNoteIdInput = z.infer<typeof creditNoteIdInput>;

export const recordPaymentInput = z.object({
  invoiceId,
  amountCents,
  /** The day the money arrived. */
  paidOn: day,
  reference: text({ max: 120, tooLong: 'Use at most 120 characters for the reference.' })
    .trim()
    .min(1, 'Enter the bank’s reference for the transfer.'),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;

export const issueCreditNoteInput = z.object({
  invoiceId,
  amountCents,
  reason: text({ max: 500, multiline: true, tooLong: 'Use at most 500 characters for the reason.' })
    .trim()
    .min(5, 'Say why the invoice is credited, in a few words: the reason is printed on the credit note.'),
});
export type IssueCreditNoteInput = z.infer<typeof issueCreditNoteInput>;

/** The supplier's statement: their own agency's, so no agency to choose. */
export const periodInput = z.object(periodFields).superRefine(periodRule);
export type PeriodInput = z.infer<typeof periodInput>;

export const statementInput = z.object({ ...periodFields, agencyId }).superRefine(periodRule);
export type StatementInput = z.infer<typeof statementInput>;

export const reportInput = z.object({ ...periodFields, agencyId: agencyId.optional() }).superRefine(periodRule);
export type ReportInput = z.infer<typeof reportInput>;

/** A document to download: its file name and its bytes in base64, as a tRPC query carries them. */
export interface DocumentFile {
  filename: string;
  base64: string;
}

/** A CSV to download: its file name and its text (send it as UTF-8 with a byte-order mark). */
export interface CsvFile {
  filename: string;
  csv: string;
}
