import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking } from '@astro/db/customer';
import { Agency, BookingCopy, Invoice, Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email } from '@astro/db/system';
import { formatMoney, money } from '@astro/domain';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { writeLaunchedLaunches } from '../../../finance/src/invoicing/launched-launches.test-support.ts';
import { deliverToMailbox, recipientOf, startMailbox, type Mailbox } from '../email/mailbox.test-support.ts';
import { issueSettledInvoices } from './invoicing.job.ts';

describe('the invoicing job', () => {
  let world: TestStores;
  let mailbox: Mailbox;
  const operational = () => world.stores.operational.em.fork();
  const customerDb = () => world.stores.customer.em.fork();
  const run = (at = new Date()) => issueSettledInvoices(world.stores, at);
  const invoiced = async (launchId: string) => (await operational().count(Invoice, { launch: launchId })) === 1;
  let finished: Launch[];

  beforeAll(async () => {
    world = await openTestStores();
    mailbox = await startMailbox();
    await seedDemoWorld(world.stores, new Date());
    finished = await operational().find(Launch, { status: { $in: ['launched', 'aborted'] } });
  });
  afterAll(async () => {
    await mailbox.close();
    await world.drop();
  });

  it('holds back the invoice of a launch with a booking still held or a copy behind, and issues it once settled', async () => {
    const launched = finished.filter((launch) => launch.status === 'launched');
    const [held, behind] = await Promise.all(
      launched.slice(0, 2).map((launch) => customerDb().findOneOrFail(Booking, { launchId: launch.id })),
    );
    await customerDb().nativeUpdate(Booking, { id: held!.id }, { status: 'held' });
    // The Customer DB changed the booking and the sync has not applied it yet.
    await customerDb().nativeUpdate(Booking, { id: behind!.id }, { version: behind!.version + 1 });

    expect(await run()).toMatchObject({ issued: finished.length - 2, unsettled: 2 });
    expect([await invoiced(held!.launchId), await invoiced(behind!.launchId)]).toEqual([false, false]);

    await customerDb().nativeUpdate(Booking, { id: held!.id }, { status: 'confirmed' });
    await operational().nativeUpdate(BookingCopy, { id: behind!.id }, { version: behind!.version + 1 });
    expect(await run()).toMatchObject({ issued: 2, unsettled: 0 });
    expect([await invoiced(held!.launchId), await invoiced(behind!.launchId)]).toEqual([true, true]);
    expect(await run()).toMatchObject({ issued: 0, alreadyIssued: 0, unsettled: 0, noticesQueued: 0 });
  });

  it('invoices every launched and aborted launch of the demo world, numbered 1 to n without a gap', async () => {
    const invoices = await operational().find(Invoice, {}, { orderBy: { sequence: 'asc' } });
    expect(invoices.map((invoice) => invoice.launch.id).sort()).toEqual(finished.map((launch) => launch.id).sort());
    expect(invoices.map((invoice) => invoice.sequence)).toEqual(invoices.map((_, n) => n + 1));
    const aborted = finished.filter((launch) => launch.status === 'aborted').map((launch) => launch.id);
    expect(invoices.filter((invoice) => aborted.includes(invoice.launch.id)).map((i) => i.amountCents)).toEqual(
      aborted.map(() => 1_000_00),
    );
  });

  it('e-mails the agency once per invoice, naming its number, amount and due date', async () => {
    const invoices = await operational().find(Invoice, {}, { populate: ['agency'] });
    expect(invoices.every((invoice) => invoice.noticeQueuedAt !== null)).toBe(true);
    // A run that stopped after queueing, before noting it: the next run queues it again into the same outbox row.
    await operational().nativeUpdate(Invoice, { id: invoices[0]!.id }, { noticeQueuedAt: null });
    expect(await run()).toMatchObject({ noticesQueued: 1 });
    expect(await world.stores.system.em.fork().count(Email, { event: 'invoice-issued' })).toBe(invoices.length);

    await deliverToMailbox(world.stores.system, mailbox, 1_000);
    const received = await mailbox.received();
    for (const invoice of invoices) {
      const mails = received.filter((mail) => mail.subject === `Invoice ${invoice.number} from Astro Bookings`);
      expect(mails, invoice.number).toHaveLength(1);
      expect(recipientOf(mails[0]!)).toBe(invoice.agency.contactEmail);
      expect(mails[0]!.text).toContain(formatMoney(money(invoice.amountCents)));
      expect(mails[0]!.text).toContain(invoice.dueDate);
      expect(mails[0]!.text).toContain(`http://localhost:4000/supplier/invoices/${invoice.id}`);
    }
  });

  it('gives each launch one invoice when two schedulers run at once', async () => {
    const { launchIds } = await writeLaunchedLaunches(operational(), {
      tag: 'Twin',
      launches: 30,
      agencies: 3,
      firstLaunch: new Date(Date.now() - 60 * 86_400_000),
    });
    const [east, west] = await Promise.all([run(), run()]);
    expect(east.issued + west.issued).toBe(30);
    const invoices = await operational().find(Invoice, {}, { orderBy: { sequence: 'asc' } });
    expect(invoices.map((invoice) => invoice.sequence)).toEqual(invoices.map((_, n) => n + 1));
    expect(invoices.filter((invoice) => launchIds.includes(invoice.launch.id))).toHaveLength(30);
    const agencies = await operational().find(Agency, { displayName: { $like: 'Twin %' } });
    const emails = await world.stores.system.em
      .fork()
      .find(Email, { event: 'invoice-issued', recipient: { $in: agencies.map((agency) => agency.contactEmail) } });
    expect(emails).toHaveLength(30);
  });
});
