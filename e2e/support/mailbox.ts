/** The e-mails the e2e system delivered, read from MailDev's REST API: the test's view of a person's mailbox. */
import { expect } from '@playwright/test';
import { emailOutboxCollection, idFromKey, openSystemDb } from '@astro/db/system';
import { e2eServices } from './services.ts';

/** The part of MailDev's e-mail (`GET /api/email`) the tests read. */
export interface DeliveredEmail {
  subject: string;
  text: string;
}

/** The newest e-mail with this subject delivered to a recipient; the sender job delivers within seconds. */
export async function latestEmail(recipient: string, subject: string): Promise<DeliveredEmail> {
  const { mailViewUrl } = await e2eServices();
  const query = new URLSearchParams({ 'to.address': recipient.toLowerCase(), subject, sort: 'desc' });
  let latest: DeliveredEmail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailViewUrl}/api/email?${query}`);
        expect(response.ok, `MailDev answered ${response.status}`).toBe(true);
        [latest] = (await response.json()) as DeliveredEmail[];
        return latest;
      },
      { message: `No "${subject}" e-mail delivered to ${recipient}`, timeout: 30_000 },
    )
    .toBeDefined();
  return latest!;
}

/** The address behind an e-mail's action, as its plain text gives it: `Confirm my e-mail address: http://…`. */
export function actionLink(email: DeliveredEmail, label: string): string {
  const link = email.text.split('\n').find((line) => line.startsWith(`${label}: `));
  if (!link) throw new Error(`The e-mail "${email.subject}" has no "${label}" link:\n${email.text}`);
  return link.slice(label.length + 2);
}

/** Every e-mail with this subject delivered to a recipient so far, oldest first: to count them. */
export async function deliveredEmails(recipient: string, subject: string): Promise<DeliveredEmail[]> {
  const { mailViewUrl } = await e2eServices();
  const query = new URLSearchParams({ 'to.address': recipient.toLowerCase(), subject });
  const response = await fetch(`${mailViewUrl}/api/email?${query}`);
  expect(response.ok, `MailDev answered ${response.status}`).toBe(true);
  return (await response.json()) as DeliveredEmail[];
}

/** The subject of the e-mail `failedEmail` puts in the outbox, as its template renders it. */
export const failedEmailSubject = 'Someone tried to register with your e-mail address';

/**
 * An e-mail the sender gave up on, put straight into the System DB's outbox as failed (so the sender never picks
 * it up first): what a mailbox that refused every attempt leaves behind. Returns its id.
 */
export async function failedEmail(recipient: string): Promise<string> {
  const { mongoUrl } = await e2eServices();
  const system = await openSystemDb(mongoUrl, 'astro_system');
  const id = idFromKey(`e2e-failed:${recipient}:${crypto.randomUUID()}`);
  const now = new Date();
  try {
    await emailOutboxCollection(system.em.fork()).insertOne({
      _id: id as never,
      dedupeKey: `e2e-failed:${id}`,
      event: 'registration-attempt',
      recipient,
      template: 'registration-attempt',
      bookingId: null,
      templateData: { name: 'Grace Hopper', path: '/auth/forgot-password' },
      status: 'failed',
      attempts: 5,
      availableAt: now,
      claimedBy: null,
      claimedUntil: null,
      smtpMessageId: null,
      lastError: '550 5.1.1 Mailbox unavailable',
      createdAt: now,
      sentAt: null,
    });
  } finally {
    await system.close();
  }
  return id;
}
