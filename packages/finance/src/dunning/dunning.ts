/**
 * Dunning (SPEC.md §6): invoices past their due date with something outstanding become `overdue`, and the agency is
 * reminded on the first day overdue, then at 7 and 14 days, each once.
 *
 * The reminder's e-mail lives in the System DB's outbox and its record here: the caller queues the e-mail first (its
 * dedupe key names the reminder day) and then records the reminder, so a crash between the two sends it again on the
 * next run into the same outbox row, never twice and never not at all.
 */
import { InvoiceReminder, listOf, type OperationalEntityManager } from '@astro/db/operational';
import {
  daysOverdue,
  invoiceStatus,
  outstandingCents,
  reminderDue,
  type Currency,
  type ReminderDay,
} from '@astro/domain';

/** Marks `overdue` the invoices whose status (`invoiceStatus`) says so now; returns how many changed. */
export async function markOverdueInvoices(em: OperationalEntityManager, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const rows = await em.execute<
    { id: string; amount_cents: string; credited_cents: string; paid_cents: string; due_date: string }[]
  >(
    `select id, amount_cents, credited_cents, paid_cents, to_char(due_date, 'YYYY-MM-DD') as due_date from invoice
     where status in ('issued', 'partially_paid') and due_date < ?::date`,
    [today],
  );
  const late = rows.filter(
    (row) =>
      invoiceStatus(
        {
          amountCents: Number(row.amount_cents),
          creditedCents: Number(row.credited_cents),
          paidCents: Number(row.paid_cents),
          dueDate: row.due_date,
        },
        now,
      ) === 'overdue',
  );
  if (late.length === 0) return 0;
  // The sums are checked again as the row is written: a payment recorded meanwhile set the status itself.
  const changed = await em.execute<{ id: string }[]>(
    `update invoice set status = 'overdue', updated_at = ?
     where id in (${listOf(late)}) and status in ('issued', 'partially_paid')
       and credited_cents < amount_cents and amount_cents - credited_cents - paid_cents > 0
     returning id`,
    [now, ...late.map((row) => row.id)],
  );
  return changed.length;
}

/** A reminder to send now: which invoice, which reminder day, and what the e-mail says. */
export interface ReminderToSend {
  invoice: { id: string; number: string; amountCents: number; currency: Currency; dueDate: string };
  agency: { displayName: string; contactEmail: string };
  reminderDay: ReminderDay;
  daysOverdue: number;
  outstandingCents: number;
}

/** The reminders due now (`reminderDue`) on overdue invoices, read in one query. */
export async function remindersToSend(em: OperationalEntityManager, now: Date): Promise<ReminderToSend[]> {
  const rows = await em.execute<
    {
      id: string;
      number: string;
      amount_cents: string;
      credited_cents: string;
      paid_cents: string;
      currency: Currency;
      due_date: string;
      display_name: string;
      contact_email: string;
      sent: ReminderDay[];
    }[]
  >(
    `select i.id, i.number, i.amount_cents, i.credited_cents, i.paid_cents, i.currency,
       to_char(i.due_date, 'YYYY-MM-DD') as due_date, a.display_name, a.contact_email,
       coalesce((select array_agg(r.reminder_day) from invoice_reminder r where r.invoice_id = i.id), '{}') as sent
     from invoice i join agency a on a.id = i.agency_id
     where i.status = 'overdue'
     order by i.due_date, i.id`,
  );
  return rows.flatMap((row) => {
    const reminderDay = reminderDue(row.due_date, now, row.sent.map(Number) as ReminderDay[]);
    if (reminderDay === null) return [];
    const amountCents = Number(row.amount_cents);
    return [
      {
        invoice: { id: row.id, number: row.number, amountCents, currency: row.currency, dueDate: row.due_date },
        agency: { displayName: row.display_name, contactEmail: row.contact_email },
        reminderDay,
        daysOverdue: daysOverdue(row.due_date, now),
        outstandingCents: outstandingCents({
          amountCents,
          creditedCents: Number(row.credited_cents),
          paidCents: Number(row.paid_cents),
        }),
      },
    ];
  });
}

/** Records a reminder whose e-mail is queued; a second scheduler recording the same one changes nothing. */
export async function recordReminder(em: OperationalEntityManager, reminder: ReminderToSend, now: Date) {
  await em
    .createQueryBuilder(InvoiceReminder)
    .insert({
      id: crypto.randomUUID(),
      invoice: reminder.invoice.id,
      reminderDay: reminder.reminderDay,
      daysOverdue: reminder.daysOverdue,
      recipient: reminder.agency.contactEmail,
      queuedAt: now,
    })
    .onConflict(['invoice', 'reminderDay'])
    .ignore()
    .execute();
}
