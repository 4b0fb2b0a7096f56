/**
 * Invoice issued and invoice overdue go to the agency (SPEC.md §7). Finance raises these events; this is the
 * one way they reach the outbox: once per invoice for the issue, once per invoice and reminder day when overdue.
 */
import { queueEmail, type SystemEntityManager } from '@astro/db/system';
import type { Currency, ReminderDay } from '@astro/domain';
import type { TemplateData } from '@astro/mail';

export type InvoiceNoticeEvent =
  | { event: 'invoice-issued' }
  | { event: 'invoice-overdue'; reminderDay: ReminderDay; daysOverdue: number; outstandingCents: number };

export async function queueInvoiceNotice(
  system: SystemEntityManager,
  notice: InvoiceNoticeEvent,
  invoice: { id: string; number: string; amountCents: number; currency: Currency; dueDate: string },
  agency: { displayName: string; contactEmail: string },
  now: Date,
): Promise<void> {
  const common = {
    agencyName: agency.displayName,
    invoiceNumber: invoice.number,
    amountCents: invoice.amountCents,
    currency: invoice.currency,
    dueDate: invoice.dueDate,
    path: `/supplier/invoices/${invoice.id}`,
  } satisfies TemplateData['invoice-issued'];
  const { dedupeKey, data } =
    notice.event === 'invoice-issued'
      ? { dedupeKey: `invoice-issued:${invoice.id}:${agency.contactEmail}`, data: common }
      : {
          dedupeKey: `invoice-overdue:${invoice.id}:day-${notice.reminderDay}:${agency.contactEmail}`,
          data: {
            ...common,
            daysOverdue: notice.daysOverdue,
            outstandingCents: notice.outstandingCents,
          } satisfies TemplateData['invoice-overdue'],
        };
  await queueEmail(
    system,
    { dedupeKey, event: notice.event, recipient: agency.contactEmail, template: notice.event, data },
    now,
  );
}
