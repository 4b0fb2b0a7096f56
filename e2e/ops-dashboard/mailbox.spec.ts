import { expect, test } from '@playwright/test';
import { demoAccounts, demoTravelers, signInAt } from '../support/sign-in.ts';

test('an operator follows the dashboard to the local mailbox and reads an e-mail the system really sent', async ({
  page,
  context,
}) => {
  // Something that sends an e-mail: a traveler asks to reset a password.
  const email = demoTravelers.elena.email;
  await page.goto('/auth/forgot-password');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();

  await signInAt(page, '/ops/', demoAccounts.operator);
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: 'read the e-mails the system sent' }).click();
  const mailbox = await opened;

  // The sender job delivers within seconds; MailDev lists what its SMTP server received, newest first.
  const message = mailbox.getByRole('button', { name: 'Choose a new password' }).filter({ hasText: email });
  await expect(async () => {
    await mailbox.getByRole('button', { name: 'Refresh emails' }).click();
    await expect(message.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await message.first().click();
  await expect(mailbox.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  // MailDev shows the HTML first, with the link to follow; the plain text carries the same link.
  await expect(mailbox.frameLocator('iframe').getByRole('link', { name: 'Choose a new password' })).toHaveAttribute(
    'href',
    /\/auth\/reset-password\?token=/,
  );
  await mailbox.getByRole('button', { name: 'Plain Text' }).click();
  await expect(mailbox.getByRole('main')).toContainText('/auth/reset-password?token=');
});
