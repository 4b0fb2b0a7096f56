import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email } from '@astro/db/system';
import { renderTemplate } from '@astro/mail';
import { sandboxCards } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { travelerAs } from '../../../bookings/src/travelers.test-support.ts';
import { settleSync } from '../sync/apply/targets.test-support.ts';
import { queueInvoiceNotice } from './invoice-notices.ts';
import { queueLaunchReminders } from './launch-reminders.job.ts';

const day = 86_400_000;

describe('e-mails queued by the events that call for them', () => {
  let world: TestStores;
  const system = () => world.stores.system.em.fork();
  const customerDb = () => world.stores.customer.em.fork();
  const settle = () => settleSync(world.stores);
  const outbox = (where: Record<string, unknown>) =>
    system().find(Email, where as never, { orderBy: { createdAt: 'asc' } });
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('tells the customer and the agency of a confirmed and of a cancelled booking, once each', async () => {
    const launch = await customerDb().findOneOrFail(
      CatalogueLaunch,
      // Far enough ahead that cancelling refunds something.
      {
        status: { $in: ['scheduled', 'confirmed'] },
        seatsLeft: { $gte: 2 },
        launchDate: { $gt: new Date(Date.now() + 100 * day) },
      },
      { orderBy: { launchDate: 'desc' } },
    );
    const caller = travelerAs(world, { userId: 'mae', name: 'Mae Jemison', email: 'mae@example.com' });
    const { bookingId } = await caller.hold({
      launchId: launch.id,
      seats: 2,
      idempotencyKey: 'mail-trigger-1',
    });
    await caller.passengers({
      bookingId,
      passengers: [
        { name: 'Mae Jemison', birthDate: '1976-10-17' },
        { name: 'Guion Bluford', birthDate: '1972-11-22' },
      ],
    });
    await caller.pay({
      bookingId,
      attemptKey: 'mail-trigger-pay',
      card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
    });
    await settle();
    // The same version applied again sends nothing new.
    await customerDb().nativeUpdate(Booking, { id: bookingId }, { syncPending: true });
    await settle();
    const agency = await world.stores.operational.em.fork().findOneOrFail(Agency, launch.agencyId);
    expect((await outbox({ event: 'booking-confirmed' })).map((email) => email.recipient)).toEqual(['mae@example.com']);
    const [forAgency] = await outbox({ event: 'booking-confirmed-agency', recipient: agency.contactEmail });
    expect(forAgency?.templateData).toMatchObject({ customerName: 'Mae Jemison', seats: 2 });

    const quote = (await caller.booking(bookingId)).cancellationQuote!;
    await caller.cancel({ bookingId, quotedRefundCents: quote.refundCents });
    await settle();
    const [cancelled] = await outbox({ event: 'booking-cancelled', recipient: 'mae@example.com' });
    expect(cancelled?.templateData).toMatchObject({ refundCents: quote.refundCents, seats: 2 });
    const rendered = renderTemplate(cancelled!.template, cancelled!.templateData, 'http://localhost:4000');
    expect(rendered.text).toContain(`http://localhost:4000/bookings/${bookingId}`);
    expect(await outbox({ event: 'booking-cancelled-agency', recipient: agency.contactEmail })).toHaveLength(1);
  });

  it('reminds travelers a week before their launch, once', async () => {
    const launch = await customerDb().findOneOrFail(
      CatalogueLaunch,
      {
        status: { $in: ['scheduled', 'confirmed'] },
        seatsConfirmed: { $gt: 0 },
        launchDate: { $gt: new Date(Date.now() + 10 * day) },
      },
      { orderBy: { launchDate: 'asc' } },
    );
    const weekBefore = new Date(launch.launchDate.getTime() - 6.5 * day);
    const first = await queueLaunchReminders(customerDb(), system(), weekBefore);
    await queueLaunchReminders(customerDb(), system(), new Date(weekBefore.getTime() + 3_600_000));
    const reminders = await outbox({ event: 'launch-reminder', 'templateData.missionName': launch.missionName });
    expect(reminders.length).toBeGreaterThan(0);
    expect(first.queued).toBeGreaterThanOrEqual(reminders.length);
    expect(new Set(reminders.map((email) => email.recipient)).size).toBe(reminders.length);
  });

  it('queues an invoice notice for the agency once per invoice, and an overdue one once per reminder day', async () => {
    const agency = { displayName: 'Orbital Horizons', contactEmail: 'billing@orbital.example' };
    const invoice = {
      id: 'inv-1',
      number: 'INV-2027-0001',
      amountCents: 12_500_00,
      currency: 'USD' as const,
      dueDate: '2027-04-01',
    };
    const overdue = (reminderDay: 1 | 7, daysOverdue: number) =>
      ({ event: 'invoice-overdue', reminderDay, daysOverdue, outstandingCents: 12_500_00 }) as const;
    await queueInvoiceNotice(system(), { event: 'invoice-issued' }, invoice, agency, new Date());
    await queueInvoiceNotice(system(), { event: 'invoice-issued' }, invoice, agency, new Date());
    await queueInvoiceNotice(system(), overdue(1, 1), invoice, agency, new Date());
    await queueInvoiceNotice(system(), overdue(1, 2), invoice, agency, new Date());
    await queueInvoiceNotice(system(), overdue(7, 8), invoice, agency, new Date());
    expect((await outbox({ recipient: 'billing@orbital.example' })).map((email) => email.event)).toEqual([
      'invoice-issued',
      'invoice-overdue',
      'invoice-overdue',
    ]);
  });
});
