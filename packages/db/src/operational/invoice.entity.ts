/**
 * What Astro Bookings bills its agencies (SPEC.md §6): one invoice per launch, its credit notes, the agency's payments
 * and the overdue reminders sent. An issued invoice's number, dates, lines and amount never change and it is never
 * deleted: the database's triggers refuse it, whoever asks. Credit notes, payments and reminders are append-only.
 * TRUNCATE is refused too, by triggers the migration adds itself (MikroORM cannot declare one, as for the audit trail).
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { currencies, documentKinds, invoiceStatuses, reminderDays, type FeeRule } from '@astro/domain';
import { uuidKey } from '../properties.ts';
import { Agency } from './agency.entity.ts';
import { Launch } from './launch.entity.ts';

/** Who the invoice is made out to, as the agency's legal data read when it was issued. */
export interface BilledTo {
  legalName: string;
  taxId: string;
  legalAddress: string;
}

export interface InvoiceLine {
  description: string;
  amountCents: number;
}

const refuse = (message: string) => `raise exception '${message}' using errcode = 'insufficient_privilege';`;
const appendOnly = (what: string) => [
  {
    name: 'append_only',
    timing: 'before' as const,
    events: ['update' as const, 'delete' as const],
    forEach: 'row' as const,
    body: `raise exception '${what} is never changed or deleted: % is refused.', tg_op using errcode = 'insufficient_privilege';`,
  },
];

/** The columns an issued invoice is, as opposed to the running sums and status that follow its payments. */
const issuedColumns = [
  'id',
  'number',
  'year',
  'sequence',
  'launch_id',
  'agency_id',
  'billed_to',
  'lines',
  'fee_rule',
  'amount_cents',
  'currency',
  'issued_at',
  'issue_date',
  'due_date',
];
const row = (record: 'new' | 'old') => `(${issuedColumns.map((column) => `${record}.${column}`).join(', ')})`;

export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  uniques: [{ name: 'invoice_year_sequence_unique', properties: ['year', 'sequence'] }],
  indexes: [
    { name: 'invoice_agency_issued_index', properties: ['agency', 'issuedAt'] },
    { name: 'invoice_status_due_index', properties: ['status', 'dueDate'] },
    { name: 'invoice_issued_index', properties: ['issuedAt', 'id'] },
  ],
  checks: [
    { name: 'invoice_amount_check', expression: 'amount_cents > 0' },
    { name: 'invoice_credited_check', expression: 'credited_cents >= 0 and credited_cents <= amount_cents' },
    { name: 'invoice_paid_check', expression: 'paid_cents >= 0' },
  ],
  triggers: [
    {
      name: 'issued_never_changes',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: [
        `if tg_op <> 'UPDATE' then ${refuse('An issued invoice is never deleted; correct it with a credit note.')} end if;`,
        `if ${row('new')} is distinct from ${row('old')} then ${refuse('An issued invoice never changes its number, dates, lines or amount; correct it with a credit note.')} end if;`,
        'return new;',
      ].join(' '),
    },
  ],
  properties: {
    id: uuidKey(),
    /** `AB-2026-000042`, made of `year` and `sequence`. */
    number: p.string().length(20).unique(),
    year: p.integer(),
    sequence: p.integer(),
    /** One invoice per launch, whatever the number of schedulers. */
    launch: () => p.manyToOne(Launch).unique(),
    agency: () => p.manyToOne(Agency),
    billedTo: p.json<BilledTo>(),
    lines: p.json<InvoiceLine[]>(),
    /** How the amount was worked out: rate, revenue and refunds, or the abort fee. */
    feeRule: p.json<FeeRule>(),
    amountCents: p.bigint('number'),
    currency: p.enum(currencies).default('USD'),
    issuedAt: p.datetime(),
    issueDate: p.string().columnType('date'),
    dueDate: p.string().columnType('date'),
    /** The sums of its credit notes and payments, and the status they give (`invoiceStatus`), kept with them. */
    creditedCents: p.bigint('number').default(0),
    paidCents: p.bigint('number').default(0),
    status: p.enum(invoiceStatuses).default('issued'),
    /**
     * When the "invoice issued" e-mail was queued in the System DB's outbox; null until then. The outbox is another
     * store, so issuing commits first and the e-mail is queued after, again on the next run until this is set.
     */
    noticeQueuedAt: p.datetime().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Invoice = InferEntity<typeof Invoice>;

/** Lowers what an invoice asks for, never more than is left to credit; finance or admin issue it with a reason. */
export const CreditNote = defineEntity({
  name: 'CreditNote',
  tableName: 'credit_note',
  uniques: [{ name: 'credit_note_year_sequence_unique', properties: ['year', 'sequence'] }],
  indexes: [{ name: 'credit_note_issued_index', properties: ['issuedAt'] }],
  checks: [{ name: 'credit_note_amount_check', expression: 'amount_cents > 0' }],
  triggers: appendOnly('A credit note'),
  properties: {
    id: uuidKey(),
    /** `CN-2026-000007`. */
    number: p.string().length(20).unique(),
    year: p.integer(),
    sequence: p.integer(),
    invoice: () => p.manyToOne(Invoice).index(),
    amountCents: p.bigint('number'),
    currency: p.enum(currencies).default('USD'),
    reason: p.text(),
    issuedAt: p.datetime(),
    issueDate: p.string().columnType('date'),
    issuedBy: p.string().length(254),
  },
});
export type CreditNote = InferEntity<typeof CreditNote>;

/** Money an agency paid against an invoice, as finance recorded it from the bank. */
export const AgencyPayment = defineEntity({
  name: 'AgencyPayment',
  tableName: 'agency_payment',
  // The same bank transfer recorded twice (a double click, a retried request) is one payment.
  uniques: [{ name: 'agency_payment_invoice_reference_unique', properties: ['invoice', 'reference'] }],
  indexes: [{ name: 'agency_payment_paid_on_index', properties: ['paidOn'] }],
  checks: [{ name: 'agency_payment_amount_check', expression: 'amount_cents > 0' }],
  triggers: appendOnly('An agency payment'),
  properties: {
    id: uuidKey(),
    invoice: () => p.manyToOne(Invoice),
    amountCents: p.bigint('number'),
    currency: p.enum(currencies).default('USD'),
    /** The day the money arrived. */
    paidOn: p.string().columnType('date'),
    /** The bank's or the agency's reference for the transfer. */
    reference: p.string().length(120),
    recordedAt: p.datetime(),
    recordedBy: p.string().length(254),
  },
});
export type AgencyPayment = InferEntity<typeof AgencyPayment>;

/** An overdue reminder queued for the agency: one per invoice and reminder day, whatever the number of schedulers. */
export const InvoiceReminder = defineEntity({
  name: 'InvoiceReminder',
  tableName: 'invoice_reminder',
  uniques: [{ name: 'invoice_reminder_invoice_day_unique', properties: ['invoice', 'reminderDay'] }],
  checks: [{ name: 'invoice_reminder_day_check', expression: `reminder_day in (${reminderDays.join(', ')})` }],
  triggers: appendOnly('A sent reminder'),
  properties: {
    id: uuidKey(),
    invoice: () => p.manyToOne(Invoice),
    /** 1, 7 or 14: the day overdue the reminder is for. */
    reminderDay: p.integer(),
    /** How many days overdue the invoice was when it went (later than `reminderDay` after an outage). */
    daysOverdue: p.integer(),
    recipient: p.string().length(254),
    queuedAt: p.datetime(),
  },
});
export type InvoiceReminder = InferEntity<typeof InvoiceReminder>;

/**
 * The last number given per kind of document and year. The issuing transaction takes its row (`update … returning`)
 * and inserts the document before it commits, so a number is used exactly when the document exists: a rolled-back
 * issue gives its number back, and no two transactions hold the same year's row at once.
 */
export const DocumentCounter = defineEntity({
  name: 'DocumentCounter',
  tableName: 'document_counter',
  properties: {
    kind: p.enum(documentKinds).primary(),
    year: p.integer().primary(),
    last: p.integer(),
  },
});
export type DocumentCounter = InferEntity<typeof DocumentCounter>;
