import { describe, expect, it } from 'vitest';
import {
  creditNoteProblem,
  daysOverdue,
  dueDateFor,
  invoiceStatus,
  outstandingCents,
  paymentProblem,
  type InvoiceStatus,
} from './invoice-status.ts';

const dueDate = '2027-01-31';
const beforeDue = new Date('2027-01-31T23:59:59Z');
const afterDue = new Date('2027-02-01T00:00:00Z');

describe('the due date and days overdue', () => {
  it('is 30 days after the UTC day of issue', () => {
    expect(dueDateFor(new Date('2027-01-01T23:30:00Z'))).toBe('2027-01-31');
    expect(dueDateFor(new Date('2026-12-15T00:00:00Z'))).toBe('2027-01-14');
  });

  it.each([
    ['2027-01-30T12:00:00Z', 0],
    ['2027-01-31T23:59:59Z', 0],
    ['2027-02-01T00:00:00Z', 1],
    ['2027-02-06T23:59:59Z', 6],
    ['2027-02-07T00:00:00Z', 7],
    ['2027-02-14T00:00:00Z', 14],
  ])('at %s an invoice due on 31 January is %i days overdue', (at, days) => {
    expect(daysOverdue(dueDate, new Date(at))).toBe(days);
  });
});

describe('the status of an invoice', () => {
  it.each<[name: string, credited: number, paid: number, now: Date, status: InvoiceStatus]>([
    ['nothing paid, not yet due', 0, 0, beforeDue, 'issued'],
    ['some paid, not yet due', 0, 4_000, beforeDue, 'partially_paid'],
    ['all paid', 0, 10_000, afterDue, 'paid'],
    ['part credited, the rest paid', 3_000, 7_000, afterDue, 'paid'],
    ['credited in full', 10_000, 0, afterDue, 'credited'],
    ['credited in full after it was paid', 10_000, 10_000, beforeDue, 'credited'],
    ['nothing paid, past due', 0, 0, afterDue, 'overdue'],
    ['part paid, past due: money late wins', 0, 4_000, afterDue, 'overdue'],
    ['part credited, nothing paid, not yet due', 3_000, 0, beforeDue, 'issued'],
  ])('%s: %s', (_name, creditedCents, paidCents, now, status) => {
    expect(invoiceStatus({ amountCents: 10_000, creditedCents, paidCents, dueDate }, now)).toBe(status);
  });

  it('owes the amount less credit notes and payments', () => {
    expect(outstandingCents({ amountCents: 10_000, creditedCents: 2_500, paidCents: 1_000 })).toBe(6_500);
  });
});

describe('recording a payment', () => {
  const balance = { amountCents: 10_000, creditedCents: 2_000, paidCents: 3_000 };
  it.each<[number, string | null]>([
    [1, null],
    [5_000, null],
    [5_001, 'A payment can be at most the outstanding amount.'],
    [0, 'A payment is a whole number of cents, more than 0.'],
    [-5, 'A payment is a whole number of cents, more than 0.'],
    [12.5, 'A payment is a whole number of cents, more than 0.'],
  ])('of %i cents on 50.00 outstanding: %s', (amount, problem) => {
    expect(paymentProblem(amount, balance)).toBe(problem);
  });

  it('is refused once nothing is outstanding', () => {
    expect(paymentProblem(1, { amountCents: 10_000, creditedCents: 0, paidCents: 10_000 })).toBe(
      'Nothing is outstanding on this invoice.',
    );
  });
});

describe('issuing a credit note', () => {
  const balance = { amountCents: 10_000, creditedCents: 4_000, paidCents: 10_000 };
  it.each<[number, string | null]>([
    [6_000, null],
    [6_001, 'A credit note can be at most what is left to credit on the invoice.'],
    [0, 'A credit note is a whole number of cents, more than 0.'],
  ])('of %i cents with 60.00 left to credit: %s', (amount, problem) => {
    expect(creditNoteProblem(amount, balance)).toBe(problem);
  });

  it('is refused once credit notes cover the whole invoice', () => {
    expect(creditNoteProblem(1, { amountCents: 10_000, creditedCents: 10_000, paidCents: 0 })).toBe(
      'Credit notes already cover this whole invoice.',
    );
  });
});
