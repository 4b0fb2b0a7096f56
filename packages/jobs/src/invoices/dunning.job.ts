/** Marks invoices overdue and e-mails the agency on the first day overdue, then at 7 and 14 days (SPEC.md §6). */
import type { OperationalOrm } from '@astro/db/operational';
import type { SystemOrm } from '@astro/db/system';
import { markOverdueInvoices, recordReminder, remindersToSend } from '@astro/finance';
import { queueInvoiceNotice } from '../email/invoice-notices.ts';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';

export async function remindOverdueInvoices(
  stores: { operational: OperationalOrm; system: SystemOrm },
  now: Date,
  fence: Fence = unfenced,
) {
  const operational = stores.operational.em.fork();
  const system = stores.system.em.fork();
  await fence.assert();
  const markedOverdue = await markOverdueInvoices(operational, now);
  const reminders = await remindersToSend(operational, now);
  for (const reminder of reminders) {
    const { invoice, agency, reminderDay, daysOverdue, outstandingCents } = reminder;
    await fence.assert();
    // The e-mail first, then its record: a crash between the two queues it again into the same outbox row.
    await queueInvoiceNotice(
      system,
      { event: 'invoice-overdue', reminderDay, daysOverdue, outstandingCents },
      invoice,
      agency,
      now,
    );
    await recordReminder(operational, reminder, now);
  }
  return { markedOverdue, reminded: reminders.length };
}

export function invoiceDunningJob(stores: { operational: OperationalOrm; system: SystemOrm }): JobDefinition {
  return {
    name: 'invoice-dunning',
    description: 'Marks invoices overdue and e-mails reminders on days 1, 7 and 14 overdue',
    schedule: '0 */10 * * * *',
    run: ({ now, fence }) => remindOverdueInvoices(stores, now(), fence),
  };
}
