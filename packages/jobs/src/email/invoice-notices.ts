/**
 * Invoice issued and invoice overdue go to the agency (SPEC.md §7). Finance raises these events; this is the
 * one way they reach the outbox, once per invoice and event.
 */
import { queueEmail, type SystemEntityManager } from '@astro/db/system';
import type { Currency } from '@astro/domain';
import type { TemplateData } from '@astro/mail';

export async function queueInvoiceNotice(
  system: SystemEntityManager,
  event: 'invoice-issued' | 'invoice-overdue',
  invoice: { id: string; number: string; amountCents: number; currency: Currency; dueDate: string },
  agency: { displayName: string; contactEmail: string },
  now: Date,
): Promise<void> {
  await queueEmail(
    system,
    {
      dedupeKey: `${event}:${invoice.id}:${agency.contactEmail}`,
      event,
      recipient: agency.contactEmail,
      template: event,
      data: {
        agencyName: agency.displayName,
        invoiceNumber: invoice.number,
        amountCents: invoice.amountCents,
        currency: invoice.currency,
        dueDate: invoice.dueDate,
        path: `/supplier/invoices/${invoice.id}`,
      } satisfies TemplateData[typeof event],
    },
    now,
  );
}
