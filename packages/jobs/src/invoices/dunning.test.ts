import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invoice, InvoiceReminder } from '@astro/db/operational';
import { Email } from '@astro/db/system';
import { renderTemplate } from '@astro/mail';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { writeLaunchedLaunches } from '../../../finance/src/invoicing/launched-launches.test-support.ts';
import { queueInvoiceNotice } from '../email/invoice-notices.ts';
import { remindOverdueInvoices } from './dunning.job.ts';
import { issueSettledInvoices } from './invoicing.job.ts';

describe('the dunning job', () => {
  let world: TestStores;
  const operational = () => world.stores.operational.em.fork();
  const remind = (at: string) => remindOverdueInvoices(world.stores, new Date(at));
  /** Many runs, two of them at once, as several schedulers and an impatient operator would make them. */
  const remindOften = async (at: string) => {
    const [first, second] = await Promise.all([remind(at), remind(at)]);
    await remind(at);
    await remind(at);
    return { reminded: first.reminded + second.reminded };
  };
  const overdueEmails = (invoice: Invoice) =>
    world.stores.system.em
      .fork()
      .find(Email, { event: 'invoice-overdue', 'templateData.invoiceNumber': invoice.number } as never, {
        orderBy: { createdAt: 'asc' },
      });
  let unpaid: Invoice;
  let paid: Invoice;
  let partlyPaid: Invoice;

  beforeAll(async () => {
    world = await openTestStores();
    await writeLaunchedLaunches(operational(), {
      tag: 'Late',
      launches: 3,
      agencies: 3,
      firstLaunch: new Date('2030-01-05T10:00:00Z'),
    });
    // Issued on 10 January: due on 9 February.
    await issueSettledInvoices(world.stores, new Date('2030-01-10T12:00:00Z'));
    [unpaid, paid, partlyPaid] = (await operational().find(Invoice, {}, { orderBy: { sequence: 'asc' } })) as [
      Invoice,
      Invoice,
      Invoice,
    ];
    // As recording the agencies' payments leaves them.
    await operational().nativeUpdate(Invoice, { id: paid.id }, { paidCents: paid.amountCents, status: 'paid' });
    await operational().nativeUpdate(Invoice, { id: partlyPaid.id }, { paidCents: 500_00, status: 'partially_paid' });
  });
  afterAll(() => world.drop());

  it('leaves an invoice alone on its due date and marks it overdue the next day, paid in part or not at all', async () => {
    expect(unpaid.dueDate).toBe('2030-02-09');
    expect(await remind('2030-02-09T23:59:00Z')).toEqual({ markedOverdue: 0, reminded: 0 });
    expect(await remind('2030-02-10T00:30:00Z')).toEqual({ markedOverdue: 2, reminded: 2 });
    const statuses = await operational().find(Invoice, {}, { orderBy: { sequence: 'asc' } });
    expect(statuses.map((invoice) => invoice.status)).toEqual(['overdue', 'paid', 'overdue']);
  });

  it('reminds once on days 1, 7 and 14 overdue however often and from however many schedulers it runs', async () => {
    expect(await remindOften('2030-02-10T08:00:00Z')).toEqual({ reminded: 0 });
    expect(await remindOften('2030-02-13T08:00:00Z')).toEqual({ reminded: 0 });
    expect((await remindOften('2030-02-16T08:00:00Z')).reminded).toBeGreaterThanOrEqual(2);
    expect(await remindOften('2030-02-17T08:00:00Z')).toEqual({ reminded: 0 });
    await remindOften('2030-02-23T08:00:00Z');
    expect(await remindOften('2030-03-20T08:00:00Z')).toEqual({ reminded: 0 });

    for (const invoice of [unpaid, partlyPaid]) {
      const reminders = await operational().find(InvoiceReminder, { invoice }, { orderBy: { reminderDay: 'asc' } });
      expect(reminders.map((reminder) => [reminder.reminderDay, reminder.daysOverdue])).toEqual([
        [1, 1],
        [7, 7],
        [14, 14],
      ]);
      expect((await overdueEmails(invoice)).map((email) => email.templateData['daysOverdue'])).toEqual([1, 7, 14]);
    }
    expect(await overdueEmails(paid)).toEqual([]);
  });

  it('says how many days overdue and what is outstanding, linking to the invoice', async () => {
    const [, weekLate] = await overdueEmails(partlyPaid);
    const message = renderTemplate('invoice-overdue', weekLate!.templateData, 'https://astro.example');
    expect(message.subject).toBe(`Invoice ${partlyPaid.number} is overdue`);
    expect(message.text).toContain('is 7 days overdue');
    expect(message.text).toContain('$2,000.00'); // 2,500.00 less the 500.00 paid
    expect(message.text).toContain(`https://astro.example/supplier/invoices/${partlyPaid.id}`);
  });

  it('neither loses nor doubles a reminder whose run stopped between queueing its e-mail and recording it', async () => {
    await writeLaunchedLaunches(operational(), { tag: 'Crash', launches: 1, firstLaunch: new Date('2030-04-01') });
    await issueSettledInvoices(world.stores, new Date('2030-04-02T12:00:00Z'));
    const invoice = await operational().findOneOrFail(Invoice, {
      billedTo: { legalName: 'Crash Spaceflight 1, Inc.' },
    });
    await remind('2030-05-03T08:00:00Z');
    // The run queued the day-7 e-mail and stopped before recording the reminder.
    const agency = { displayName: 'Crash 1', contactEmail: 'billing-1@crash.example' };
    const late = { event: 'invoice-overdue', reminderDay: 7, daysOverdue: 7, outstandingCents: 2_500_00 } as const;
    await queueInvoiceNotice(world.stores.system.em.fork(), late, invoice, agency, new Date('2030-05-09T08:00:00Z'));
    await remindOften('2030-05-09T09:00:00Z');
    expect((await overdueEmails(invoice)).map((email) => email.templateData['daysOverdue'])).toEqual([1, 7]);
    expect(await operational().count(InvoiceReminder, { invoice })).toBe(2);
  });
});
