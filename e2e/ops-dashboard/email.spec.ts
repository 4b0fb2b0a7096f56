import { expect, test } from '@playwright/test';
import { failedEmail, failedEmailSubject, latestEmail } from '../support/mailbox.ts';
import { reloadUntilVisible, serverHtml } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

test('an operator finds a failed e-mail, reads it as the recipient would, resends it and the mailbox receives it', async ({
  page,
}) => {
  const recipient = `bounced.${Date.now().toString(36)}@example.com`;
  await failedEmail(recipient);

  await signInAt(page, '/ops/', demoAccounts.operator);
  await page.getByRole('link', { name: 'E-mail', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E-mail queue' })).toBeVisible();

  // The filters go into the address, and the server renders the list they name.
  await page.getByLabel('Recipient').fill(recipient);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Failed' });
  await page.getByRole('button', { name: 'Show e-mails' }).click();
  await expect(page).toHaveURL(/status=failed/);
  expect(await serverHtml(page.request, page.url())).toContain(recipient);
  const emails = page.getByRole('region', { name: 'E-mails, newest first' });
  await expect(emails.getByRole('row')).toHaveCount(2);
  await emails.getByRole('link', { name: `registration-attempt e-mail to ${recipient}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: failedEmailSubject })).toBeVisible();
  await expect(page.getByText('550 5.1.1 Mailbox unavailable')).toBeVisible();
  const html = page.frameLocator(`iframe[title="The e-mail “${failedEmailSubject}” as HTML"]`);
  await expect(html.getByRole('link', { name: 'Choose a new password' })).toHaveAttribute(
    'href',
    /\/auth\/forgot-password$/,
  );
  await expect(page.getByLabel('Plain text', { exact: true })).toContainText('Choose a new password: http');

  await page.getByRole('button', { name: 'Resend…' }).click();
  await page.getByRole('button', { name: 'Confirm resend' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'queued again' })).toBeVisible();

  const delivered = await latestEmail(recipient, failedEmailSubject);
  expect(delivered.text).toContain('Hello Grace Hopper');
  // Once delivered, the page says so when looked at again.
  await reloadUntilVisible(page, page.getByText('Sent', { exact: true }), 30_000);
});
