import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Email, queueEmail, type OutgoingEmail } from '@astro/db/system';
import { createSmtpTransport, type TemplateData, type TemplateName } from '@astro/mail';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { sendPendingEmails } from './email-sender.job.ts';
import { recipientOf, startMailbox, type Mailbox } from './mailbox.test-support.ts';

const launch = { missionName: 'Selene Dawn', launchDate: '2027-03-13T14:00:00.000Z', timeZone: 'America/Chicago' };
/** One sample of every e-mail, with the content a reader must find in it. */
const samples: { [Name in TemplateName]: [TemplateData[Name], string[]] } = {
  'verify-email': [
    { name: 'Ada', link: 'http://localhost:4000/auth/verify-email?token=t1', expiresInMinutes: 4320 },
    ['verify-email?token=t1', '72 hours'],
  ],
  'reset-password': [
    { name: 'Ada', link: 'http://localhost:4000/auth/reset-password?token=t2', expiresInMinutes: 60 },
    ['reset-password?token=t2'],
  ],
  'account-invitation': [
    { name: 'Ben', link: 'http://localhost:4000/auth/reset-password?token=t3', expiresInMinutes: 10080 },
    ['token=t3', '7 days'],
  ],
  'registration-attempt': [
    { name: 'Ada', path: '/auth/forgot-password' },
    ['Someone tried to create a new Astro Bookings account', 'http://localhost:4000/auth/forgot-password'],
  ],
  'booking-confirmed': [
    { ...launch, name: 'Ada', seats: 2, totalCents: 250_000_00, currency: 'USD', path: '/bookings/b1' },
    ['Selene Dawn', '$250,000.00', '2 seats', '14:00 UTC', 'America/Chicago', 'http://localhost:4000/bookings/b1'],
  ],
  'booking-confirmed-agency': [
    {
      ...launch,
      agencyName: 'Orbital Horizons',
      customerName: 'Ada Lovelace',
      seats: 2,
      totalCents: 250_000_00,
      currency: 'USD',
      path: '/supplier/launches/l1',
    },
    ['Ada Lovelace', '2 seats', '/supplier/launches/l1'],
  ],
  'booking-cancelled': [
    {
      ...launch,
      name: 'Ada',
      seats: 2,
      refundCents: 175_000_00,
      currency: 'USD',
      reason: 'Cancelled by the customer: 70% refund.',
      path: '/bookings/b1',
    },
    ['$175,000.00', '70% refund'],
  ],
  'booking-cancelled-agency': [
    {
      ...launch,
      agencyName: 'Orbital Horizons',
      customerName: 'Ada Lovelace',
      seats: 2,
      reason: 'Customer request.',
      path: '/supplier/launches/l1',
    },
    ['Ada Lovelace', 'Customer request.'],
  ],
  'hold-expired': [
    { name: 'Ada', missionName: 'Selene Dawn', seats: 3, holdMinutes: 10, path: '/launches/selene-dawn' },
    ['3 seats', 'Nothing was charged', '/launches/selene-dawn'],
  ],
  'waiting-list-offer': [
    { name: 'Ada', missionName: 'Selene Dawn', seats: 1, hours: 24, path: '/bookings/b2' },
    ['24 hours', '1 seat', '/bookings/b2'],
  ],
  'launch-status': [
    { ...launch, name: 'Ada', status: 'delayed', reason: 'Weather window', path: '/bookings' },
    ['is delayed', 'Weather window'],
  ],
  'launch-reminder': [
    { ...launch, name: 'Ada', spaceport: 'Spaceport America', seats: 2, path: '/bookings/b1' },
    ['a week away', 'Spaceport America'],
  ],
  'new-launch': [
    {
      ...launch,
      name: 'Ada',
      destination: 'moon',
      pricePerSeatCents: 1_200_000_00,
      currency: 'USD',
      path: '/launches/selene-dawn',
    },
    ['moon', '$1,200,000.00', 'VIP'],
  ],
  'invoice-issued': [
    {
      agencyName: 'Orbital Horizons',
      invoiceNumber: 'INV-2027-0001',
      amountCents: 12_500_00,
      currency: 'USD',
      dueDate: '2027-04-01',
      path: '/supplier/invoices/i1',
    },
    ['INV-2027-0001', '$12,500.00', '2027-04-01'],
  ],
  'invoice-overdue': [
    {
      agencyName: 'Orbital Horizons',
      invoiceNumber: 'INV-2027-0001',
      amountCents: 12_500_00,
      currency: 'USD',
      dueDate: '2027-04-01',
      path: '/supplier/invoices/i1',
      daysOverdue: 7,
      outstandingCents: 4_500_00,
    },
    ['is 7 days overdue', 'INV-2027-0001', '$4,500.00'],
  ],
};

describe('the e-mail sender', () => {
  let world: TestStores;
  let mailbox: Mailbox;
  let n = 0;
  const em = () => world.stores.system.em.fork();
  const sender = (instance = 'sender-1', clock = () => new Date()) =>
    sendPendingEmails(
      {
        system: world.stores.system,
        transport: createSmtpTransport(mailbox.url, { pooled: true }),
        publicUrl: 'http://localhost:4000',
        from: 'Astro Bookings <no-reply@astro-bookings.example>',
        instance,
      },
      clock,
    );
  const queue = (email: Omit<Partial<OutgoingEmail>, 'data'> & { template: string; data: object }) =>
    queueEmail(
      em(),
      {
        dedupeKey: `test:${++n}`,
        event: email.template,
        recipient: `reader${n}@example.com`,
        ...email,
        data: email.data as Record<string, unknown>,
      },
      new Date(),
    );

  beforeAll(async () => {
    world = await openTestStores();
    mailbox = await startMailbox();
  });
  beforeEach(async () => {
    await mailbox.clear();
    mailbox.accept();
  });
  afterAll(async () => {
    await mailbox.close();
    await world.drop();
  });

  it('delivers every kind of e-mail to its recipient, with a subject and the same content in HTML and text', async () => {
    for (const [template, [data]] of Object.entries(samples))
      await queue({ template, data, recipient: `${template}@example.com` });
    expect(await sender()).toMatchObject({ sent: Object.keys(samples).length, failed: 0 });
    const received = await mailbox.received();
    for (const [template, [, content]] of Object.entries(samples)) {
      const mail = received.find((each) => recipientOf(each) === `${template}@example.com`);
      expect(mail, template).toBeDefined();
      expect(mail!.subject).toBeTruthy();
      expect(mail!.from.map((sender) => sender.address)).toContain('no-reply@astro-bookings.example');
      for (const part of content) {
        expect(mail!.text, `${template} text`).toContain(part);
        expect(mail!.html || '', `${template} html`).toContain(part.replaceAll('&', '&amp;'));
      }
      // Nothing a mail client would block: no remote images, styles or scripts.
      expect(mail!.html).not.toMatch(/<img|<link|<script|url\(/);
    }
    const stored = await em().find(Email, { status: 'sent' });
    expect(stored.every((email) => email.smtpMessageId && email.sentAt)).toBe(true);
  });

  it('sends one e-mail for an event queued twice, even with two senders at once', async () => {
    const booking = { dedupeKey: 'booking-confirmed:b9:ada@example.com', recipient: 'ada@example.com' };
    for (let i = 0; i < 2; i++)
      await queue({ ...booking, template: 'booking-confirmed', data: samples['booking-confirmed'][0] });
    for (let i = 0; i < 20; i++)
      await queue({ template: 'hold-expired', data: samples['hold-expired'][0], recipient: `many${i}@example.com` });
    const [east, west] = await Promise.all([sender('east'), sender('west')]);
    expect(east.sent + west.sent).toBe(21);
    const recipients = (await mailbox.received()).map(recipientOf);
    expect(recipients.filter((recipient) => recipient === 'ada@example.com')).toHaveLength(1);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('retries while the server refuses for a while, then delivers once', async () => {
    mailbox.refuse(451, 'Mailbox busy, try later', 2);
    await queue({ template: 'hold-expired', data: samples['hold-expired'][0], recipient: 'patient@example.com' });
    let clock = Date.now();
    for (let run = 0; run < 4; run++, clock += 10 * 60_000) await sender('sender-1', () => new Date(clock));
    expect((await mailbox.received()).map(recipientOf)).toEqual(['patient@example.com']);
    expect(await em().findOneOrFail(Email, { recipient: 'patient@example.com' })).toMatchObject({
      status: 'sent',
      attempts: 3,
    });
  });
});
