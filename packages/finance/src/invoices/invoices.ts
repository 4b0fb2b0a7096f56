/**
 * Invoices as finance and the agency read them: the filtered, sorted, paged list with the totals of everything the
 * filter matched, and one invoice with its rule, payments, credit notes, reminders and what may be done with it now.
 */
import {
  AgencyPayment,
  CreditNote,
  Invoice,
  InvoiceReminder,
  type BilledTo,
  type InvoiceLine,
  type OperationalEntityManager,
} from '@astro/db/operational';
import {
  allowed,
  creditNoteProblem,
  describeFeeRule,
  leftToCreditCents,
  outstandingCents,
  paymentProblem,
  Problem,
  unavailable,
  type Availability,
  type Currency,
  type FeeRule,
  type InvoiceStatus,
  type LaunchStatus,
  type Period,
} from '@astro/domain';

export const invoiceSorts = ['number', 'issueDate', 'dueDate', 'agency', 'amount', 'outstanding', 'status'] as const;
export type InvoiceSort = (typeof invoiceSorts)[number];

export interface InvoiceFilter {
  status?: InvoiceStatus;
  agencyId?: string;
  /** Invoices issued on these UTC days, both included. */
  issued?: Partial<Period>;
  /** A whole number (`AB-2026-000042`), its start (`AB-2026-00`), or the sequence alone (`42`). */
  number?: string;
  sort: InvoiceSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface InvoiceRow {
  id: string;
  number: string;
  agency: { id: string; displayName: string };
  launch: { id: string; missionName: string; launchDate: string };
  issueDate: string;
  dueDate: string;
  amountCents: number;
  creditedCents: number;
  paidCents: number;
  outstandingCents: number;
  currency: Currency;
  status: InvoiceStatus;
}

/** The sums of every invoice the filter matched, on every page. */
export interface InvoiceTotals {
  count: number;
  amountCents: number;
  creditedCents: number;
  paidCents: number;
  outstandingCents: number;
}

export interface InvoicePage {
  invoices: InvoiceRow[];
  total: number;
  page: number;
  pageSize: number;
  totals: InvoiceTotals;
}

const columnOf: Record<InvoiceSort, string> = {
  number: 'i.year %s, i.sequence',
  issueDate: 'i.issued_at',
  dueDate: 'i.due_date',
  agency: 'lower(a.display_name)',
  amount: 'i.amount_cents',
  outstanding: '(i.amount_cents - i.credited_cents - i.paid_cents)',
  status: 'i.status',
};

const day = 86_400_000;

/** The list finance (every agency) or one agency (`filter.agencyId` set by the caller's scope) sees. */
export async function listInvoices(em: OperationalEntityManager, filter: InvoiceFilter): Promise<InvoicePage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const when = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (filter.status) when('i.status = ?', filter.status);
  if (filter.agencyId) when('i.agency_id = ?', filter.agencyId);
  if (filter.issued?.from) when('i.issued_at >= ?', new Date(`${filter.issued.from}T00:00:00Z`));
  if (filter.issued?.until) when('i.issued_at < ?', new Date(Date.parse(`${filter.issued.until}T00:00:00Z`) + day));
  const number = filter.number?.trim().toUpperCase();
  if (number) {
    if (/^\d{1,9}$/.test(number)) when('(i.sequence = ? or i.number like ?)', Number(number), `${number}%`);
    else when('i.number like ?', `${number.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  }
  const from = `from invoice i join agency a on a.id = i.agency_id join launch l on l.id = i.launch_id
    ${where.length ? `where ${where.join(' and ')}` : ''}`;
  const direction = filter.direction === 'asc' ? 'asc' : 'desc';
  const order = columnOf[filter.sort].replace('%s', direction);
  const [rows, [sums]] = await Promise.all([
    em.execute<
      {
        id: string;
        number: string;
        agency_id: string;
        display_name: string;
        launch_id: string;
        mission_name: string;
        launch_date: string;
        issue_date: string;
        due_date: string;
        amount_cents: string;
        credited_cents: string;
        paid_cents: string;
        currency: Currency;
        status: InvoiceStatus;
      }[]
    >(
      `select i.id, i.number, i.agency_id, a.display_name, i.launch_id, l.mission_name, l.launch_date,
         to_char(i.issue_date, 'YYYY-MM-DD') as issue_date, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
         i.amount_cents, i.credited_cents, i.paid_cents, i.currency, i.status
       ${from}
       order by ${order} ${direction}, i.id asc
       limit ? offset ?`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    ),
    em.execute<[{ count: string; amount: string; credited: string; paid: string }]>(
      `select count(*) as count, coalesce(sum(i.amount_cents), 0) as amount,
         coalesce(sum(i.credited_cents), 0) as credited, coalesce(sum(i.paid_cents), 0) as paid
       ${from}`,
      params,
    ),
  ]);
  const totals = {
    count: Number(sums!.count),
    amountCents: Number(sums!.amount),
    creditedCents: Number(sums!.credited),
    paidCents: Number(sums!.paid),
  };
  return {
    invoices: rows.map((row) => {
      const balance = {
        amountCents: Number(row.amount_cents),
        creditedCents: Number(row.credited_cents),
        paidCents: Number(row.paid_cents),
      };
      return {
        id: row.id,
        number: row.number,
        agency: { id: row.agency_id, displayName: row.display_name },
        launch: {
          id: row.launch_id,
          missionName: row.mission_name,
          launchDate: new Date(row.launch_date).toISOString(),
        },
        issueDate: row.issue_date,
        dueDate: row.due_date,
        ...balance,
        outstandingCents: outstandingCents(balance),
        currency: row.currency,
        status: row.status,
      };
    }),
    total: totals.count,
    page: filter.page,
    pageSize: filter.pageSize,
    totals: { ...totals, outstandingCents: outstandingCents(totals) },
  };
}

/** Which invoices a caller may reach: every one (finance), or one agency's (its suppliers). */
export interface InvoiceScope {
  agencyId?: string;
}

export const invoiceNotFound = () => new Problem('not_found', 'There is no such invoice.');

/** The invoice, if the scope reaches it; another agency's is as good as absent. */
export async function findInvoice(
  em: OperationalEntityManager,
  invoiceId: string,
  scope: InvoiceScope = {},
): Promise<Invoice> {
  const invoice = await em.findOne(
    Invoice,
    scope.agencyId ? { id: invoiceId, agency: scope.agencyId } : { id: invoiceId },
    { populate: ['agency', 'launch'] },
  );
  if (!invoice) throw invoiceNotFound();
  return invoice;
}

export interface InvoicePayment {
  id: string;
  amountCents: number;
  paidOn: string;
  reference: string;
  recordedAt: string;
  recordedBy: string;
}

export interface InvoiceCreditNote {
  id: string;
  number: string;
  amountCents: number;
  reason: string;
  issueDate: string;
  issuedBy: string;
}

export interface InvoiceReminderSent {
  reminderDay: number;
  daysOverdue: number;
  recipient: string;
  queuedAt: string;
}

export interface InvoiceDetail {
  id: string;
  number: string;
  status: InvoiceStatus;
  agency: { id: string; displayName: string };
  /** The agency's legal data as it was when the invoice was issued. */
  billedTo: BilledTo;
  launch: { id: string; missionName: string; launchDate: string; status: LaunchStatus };
  issuedAt: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  lines: InvoiceLine[];
  feeRule: FeeRule;
  /** The rule in words: "1% of net seat revenue". */
  feeRuleDescription: string;
  amountCents: number;
  creditedCents: number;
  paidCents: number;
  outstandingCents: number;
  leftToCreditCents: number;
  /** Oldest first. */
  payments: InvoicePayment[];
  creditNotes: InvoiceCreditNote[];
  reminders: InvoiceReminderSent[];
}

/** What the invoice allows now, and why not. Who may do it (finance, an admin) is the caller's to say. */
export interface InvoiceActions {
  recordPayment: Availability;
  issueCreditNote: Availability;
}

const availability = (problem: string | null): Availability => (problem ? unavailable(problem) : allowed);

export const invoiceActions = (balance: {
  amountCents: number;
  creditedCents: number;
  paidCents: number;
}): InvoiceActions => ({
  // The smallest payment or credit note is refused exactly when none can be made.
  recordPayment: availability(paymentProblem(1, balance)),
  issueCreditNote: availability(creditNoteProblem(1, balance)),
});

export async function invoiceDetail(
  em: OperationalEntityManager,
  invoiceId: string,
  scope: InvoiceScope = {},
): Promise<InvoiceDetail> {
  const invoice = await findInvoice(em, invoiceId, scope);
  const [payments, creditNotes, reminders] = await Promise.all([
    em.fork().find(AgencyPayment, { invoice: invoice.id }, { orderBy: { recordedAt: 'asc', id: 'asc' } }),
    em.fork().find(CreditNote, { invoice: invoice.id }, { orderBy: { sequence: 'asc' } }),
    em.fork().find(InvoiceReminder, { invoice: invoice.id }, { orderBy: { reminderDay: 'asc' } }),
  ]);
  const balance = {
    amountCents: invoice.amountCents,
    creditedCents: invoice.creditedCents,
    paidCents: invoice.paidCents,
  };
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    agency: { id: invoice.agency.id, displayName: invoice.agency.displayName },
    billedTo: invoice.billedTo,
    launch: {
      id: invoice.launch.id,
      missionName: invoice.launch.missionName,
      launchDate: invoice.launch.launchDate.toISOString(),
      status: invoice.launch.status,
    },
    issuedAt: invoice.issuedAt.toISOString(),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    lines: invoice.lines,
    feeRule: invoice.feeRule,
    feeRuleDescription: describeFeeRule(invoice.feeRule),
    ...balance,
    outstandingCents: outstandingCents(balance),
    leftToCreditCents: leftToCreditCents(balance),
    payments: payments.map((payment) => ({
      id: payment.id,
      amountCents: payment.amountCents,
      paidOn: payment.paidOn,
      reference: payment.reference,
      recordedAt: payment.recordedAt.toISOString(),
      recordedBy: payment.recordedBy,
    })),
    creditNotes: creditNotes.map((note) => ({
      id: note.id,
      number: note.number,
      amountCents: note.amountCents,
      reason: note.reason,
      issueDate: note.issueDate,
      issuedBy: note.issuedBy,
    })),
    reminders: reminders.map((reminder) => ({
      reminderDay: reminder.reminderDay,
      daysOverdue: reminder.daysOverdue,
      recipient: reminder.recipient,
      queuedAt: reminder.queuedAt.toISOString(),
    })),
  };
}

/** A credit note as its document shows it: its own number, date, amount and reason, and the invoice it corrects. */
export interface CreditNoteDocument {
  id: string;
  number: string;
  issueDate: string;
  amountCents: number;
  currency: Currency;
  reason: string;
  invoice: {
    id: string;
    number: string;
    issueDate: string;
    amountCents: number;
    billedTo: BilledTo;
    launch: { missionName: string; launchDate: string };
  };
}

export async function creditNoteDocument(
  em: OperationalEntityManager,
  creditNoteId: string,
  scope: InvoiceScope = {},
): Promise<CreditNoteDocument> {
  const note = await em.findOne(
    CreditNote,
    scope.agencyId ? { id: creditNoteId, invoice: { agency: scope.agencyId } } : { id: creditNoteId },
    { populate: ['invoice', 'invoice.launch'] },
  );
  if (!note) throw new Problem('not_found', 'There is no such credit note.');
  const invoice = note.invoice;
  return {
    id: note.id,
    number: note.number,
    issueDate: note.issueDate,
    amountCents: note.amountCents,
    currency: note.currency,
    reason: note.reason,
    invoice: {
      id: invoice.id,
      number: invoice.number,
      issueDate: invoice.issueDate,
      amountCents: invoice.amountCents,
      billedTo: invoice.billedTo,
      launch: { missionName: invoice.launch.missionName, launchDate: invoice.launch.launchDate.toISOString() },
    },
  };
}
