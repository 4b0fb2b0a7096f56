/**
 * Issuing the invoice of a launched or aborted launch (SPEC.md §6): once its bookings are settled, exactly once per
 * launch however many schedulers run, with the next number of the year and never a gap.
 *
 * Which launches are settled needs the Customer DB, which finance never reads: the caller (the invoicing job) says.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Invoice, listOf, type BilledTo, type OperationalEntityManager } from '@astro/db/operational';
import { unfenced, type Fence } from '@astro/db/system';
import { describeFeeRule, dueDateFor, feeFor, type Currency, type Fee } from '@astro/domain';
import { takeDocumentNumber } from '../numbering/numbering.ts';

/** Launched and aborted launches that have no invoice yet: the ones the invoicing job asks about. */
export async function launchesAwaitingInvoice(em: OperationalEntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select l.id from launch l
     where l.status in ('launched', 'aborted') and not exists (select 1 from invoice i where i.launch_id = l.id)
     order by l.launch_date, l.id`,
  );
  return rows.map((row) => row.id);
}

/** What an invoice is made of, read for many launches at once so issuing a thousand is a few queries, not thousands. */
interface InvoiceDraft {
  launchId: string;
  agencyId: string;
  billedTo: BilledTo;
  missionName: string;
  launchDay: string;
  currency: Currency;
  fee: Fee;
}

async function draftsFor(em: OperationalEntityManager, launchIds: readonly string[]): Promise<InvoiceDraft[]> {
  if (launchIds.length === 0) return [];
  const rows = await em.execute<
    {
      id: string;
      agency_id: string;
      status: string;
      mission_name: string;
      launch_day: string;
      currency: Currency;
      legal_name: string;
      tax_id: string;
      legal_address: string;
      earlier: string;
      captured: string | null;
      refunded: string | null;
    }[]
  >(
    `select l.id, l.agency_id, l.status, l.mission_name, to_char(l.launch_day, 'YYYY-MM-DD') as launch_day, l.currency,
       a.legal_name, a.tax_id, a.legal_address,
       (select count(*) from launch e
        where e.agency_id = l.agency_id and e.status = 'launched' and e.launch_date < l.launch_date) as earlier,
       money.captured, money.refunded
     from launch l
     join agency a on a.id = l.agency_id
     left join (
       select c.launch_id,
         sum(e.amount_cents) filter (where e.kind = 'payment') as captured,
         sum(e.amount_cents) filter (where e.kind = 'refund') as refunded
       from booking_copy c join booking_ledger_entry e on e.booking_id = c.id
       where c.launch_id in (${listOf(launchIds)})
       group by c.launch_id
     ) money on money.launch_id = l.id
     where l.id in (${listOf(launchIds)}) and l.status in ('launched', 'aborted')
     order by l.launch_date, l.id`,
    [...launchIds, ...launchIds],
  );
  return rows.map((row) => ({
    launchId: row.id,
    agencyId: row.agency_id,
    billedTo: { legalName: row.legal_name, taxId: row.tax_id, legalAddress: row.legal_address },
    missionName: row.mission_name,
    launchDay: row.launch_day,
    currency: row.currency,
    fee: feeFor(
      row.status === 'aborted'
        ? { outcome: 'aborted' }
        : {
            outcome: 'launched',
            capturedCents: Number(row.captured ?? 0),
            refundedCents: Number(row.refunded ?? 0),
            earlierLaunchedLaunches: Number(row.earlier),
          },
    ),
  }));
}

type IssueOutcome = 'issued' | 'already-issued' | 'being-issued';

/**
 * One short transaction: lock the launch (another issuer holding it is issuing it: skip), check it has no invoice,
 * take the number last so the year's counter is held as briefly as can be, insert. A unique conflict on the launch
 * rolls the whole transaction back, and with it the number taken.
 */
async function issueOne(em: OperationalEntityManager, draft: InvoiceDraft, now: Date): Promise<IssueOutcome> {
  try {
    return await em.fork().transactional(async (tx) => {
      const locked = await tx.execute('select id from launch where id = ? for no key update skip locked', [
        draft.launchId,
      ]);
      if (locked.length === 0) return 'being-issued';
      const [existing] = await tx.execute('select 1 from invoice where launch_id = ?', [draft.launchId]);
      if (existing) return 'already-issued';
      const { year, sequence, number } = await takeDocumentNumber(tx, 'invoice', now);
      await tx.insert(Invoice, {
        id: crypto.randomUUID(),
        number,
        year,
        sequence,
        launch: draft.launchId,
        agency: draft.agencyId,
        billedTo: draft.billedTo,
        lines: [
          {
            description: `Platform fee, launch ${draft.missionName} of ${draft.launchDay}: ${describeFeeRule(draft.fee.rule)}`,
            amountCents: draft.fee.amountCents,
          },
        ],
        feeRule: draft.fee.rule,
        amountCents: draft.fee.amountCents,
        currency: draft.currency,
        issuedAt: now,
        issueDate: now.toISOString().slice(0, 10),
        dueDate: dueDateFor(now),
        status: 'issued',
        noticeQueuedAt: null,
        updatedAt: now,
      });
      return 'issued';
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return 'already-issued';
    throw error;
  }
}

export interface IssueCounts {
  issued: number;
  /** Issued meanwhile by another scheduler, or being issued by one right now. */
  alreadyIssued: number;
  /** Settled launches whose fee is 0 (nothing was paid, or all was refunded): no invoice. */
  nothingToInvoice: number;
}

/** Issues the invoices of these settled launches that have none yet; launches neither launched nor aborted are passed over. */
export async function issueInvoices(
  em: OperationalEntityManager,
  settledLaunchIds: readonly string[],
  now: Date,
  fence: Fence = unfenced,
): Promise<IssueCounts> {
  const counts: IssueCounts = { issued: 0, alreadyIssued: 0, nothingToInvoice: 0 };
  for (const draft of await draftsFor(em, settledLaunchIds)) {
    if (draft.fee.amountCents === 0) {
      counts.nothingToInvoice++;
      continue;
    }
    await fence.assert();
    const outcome = await issueOne(em, draft, now);
    if (outcome === 'issued') counts.issued++;
    else counts.alreadyIssued++;
  }
  return counts;
}

/** An issued invoice whose "invoice issued" e-mail is not queued yet, with whom to tell. */
export interface InvoiceNotice {
  invoice: { id: string; number: string; amountCents: number; currency: Currency; dueDate: string };
  agency: { displayName: string; contactEmail: string };
}

export async function invoicesAwaitingNotice(em: OperationalEntityManager, limit = 1_000): Promise<InvoiceNotice[]> {
  const rows = await em.execute<
    {
      id: string;
      number: string;
      amount_cents: string;
      currency: Currency;
      due_date: string;
      display_name: string;
      contact_email: string;
    }[]
  >(
    `select i.id, i.number, i.amount_cents, i.currency, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
       a.display_name, a.contact_email
     from invoice i join agency a on a.id = i.agency_id
     where i.notice_queued_at is null
     order by i.issued_at, i.id
     limit ?`,
    [limit],
  );
  return rows.map((row) => ({
    invoice: {
      id: row.id,
      number: row.number,
      amountCents: Number(row.amount_cents),
      currency: row.currency,
      dueDate: row.due_date,
    },
    agency: { displayName: row.display_name, contactEmail: row.contact_email },
  }));
}

/** Records that these invoices' e-mails are in the outbox, so later runs stop queueing them (the outbox dedupes anyway). */
export async function noteNoticesQueued(em: OperationalEntityManager, invoiceIds: readonly string[], at: Date) {
  if (invoiceIds.length === 0) return;
  await em.execute(`update invoice set notice_queued_at = ?, updated_at = ? where id in (${listOf(invoiceIds)})`, [
    at,
    at,
    ...invoiceIds,
  ]);
}
