/** Where an invoice stands (SPEC.md §6), from its amount, its credit notes, the agency's payments and the date. */

export const invoiceStatuses = ['issued', 'partially_paid', 'paid', 'overdue', 'credited'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  issued: 'Issued',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  credited: 'Credited',
};

/** An agency has this many days to pay an invoice. */
export const paymentTermDays = 30;

const day = 86_400_000;

/** The calendar date (UTC, `YYYY-MM-DD`) an invoice issued at this moment is due. */
export function dueDateFor(issuedAt: Date): string {
  const issueDay = Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate());
  return new Date(issueDay + paymentTermDays * day).toISOString().slice(0, 10);
}

/** Whole days past the due date: 0 on the due date itself and before, 1 from the first moment of the next day (UTC). */
export function daysOverdue(dueDate: string, now: Date): number {
  const endOfDueDay = Date.parse(`${dueDate}T00:00:00Z`) + day;
  return now.getTime() < endOfDueDay ? 0 : Math.floor((now.getTime() - endOfDueDay) / day) + 1;
}

export interface InvoiceBalance {
  amountCents: number;
  creditedCents: number;
  paidCents: number;
}

/** What the agency still owes: the amount less credit notes and payments. Negative when a credit note came after payment. */
export const outstandingCents = ({ amountCents, creditedCents, paidCents }: InvoiceBalance) =>
  amountCents - creditedCents - paidCents;

/** What a credit note may still take off: the amount less earlier credit notes. */
export const leftToCreditCents = ({ amountCents, creditedCents }: InvoiceBalance) => amountCents - creditedCents;

/**
 * The status an invoice shows. SPEC.md §6 defines each status on its own; where two apply, money late wins over
 * money part-paid (an invoice past its due date with something outstanding is `overdue`, even if part was paid),
 * so that dunning reaches every late invoice. The payments made still show beside the status.
 */
export function invoiceStatus(balance: InvoiceBalance & { dueDate: string }, now: Date): InvoiceStatus {
  if (balance.creditedCents >= balance.amountCents) return 'credited';
  if (outstandingCents(balance) <= 0) return 'paid';
  if (daysOverdue(balance.dueDate, now) > 0) return 'overdue';
  if (balance.paidCents > 0) return 'partially_paid';
  return 'issued';
}

/** Why a payment of this amount cannot be recorded, or null. */
export function paymentProblem(amountCents: number, balance: InvoiceBalance): string | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    return 'A payment is a whole number of cents, more than 0.';
  const outstanding = outstandingCents(balance);
  if (outstanding <= 0) return 'Nothing is outstanding on this invoice.';
  if (amountCents > outstanding) return 'A payment can be at most the outstanding amount.';
  return null;
}

/** Why a credit note of this amount cannot be issued, or null. */
export function creditNoteProblem(amountCents: number, balance: InvoiceBalance): string | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    return 'A credit note is a whole number of cents, more than 0.';
  const left = leftToCreditCents(balance);
  if (left <= 0) return 'Credit notes already cover this whole invoice.';
  if (amountCents > left) return 'A credit note can be at most what is left to credit on the invoice.';
  return null;
}
