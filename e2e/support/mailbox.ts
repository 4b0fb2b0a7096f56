/** The e-mails the e2e system delivered, read from MailDev's REST API: the test's view of a person's mailbox. */
import { expect } from '@playwright/test';
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
