import { expect, test } from '@playwright/test';
import { actionLink, latestEmail } from '../support/mailbox.ts';
import { fillSignInForm } from '../support/sign-in.ts';

test('a traveler registers, confirms the e-mail from its link, signs in, sees their name and signs out', async ({
  page,
}) => {
  const name = 'Nova Lindqvist';
  const email = `nova.${Date.now()}@example.com`;
  const password = 'stardust-2027!';

  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();

  // A password that is too short is refused, field by field, and nothing else is lost.
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 10 characters for your password.')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();

  // Signing in before confirming the address is refused with what to do.
  await page.goto('/session/sign-in');
  await fillSignInForm(page, email, password);
  await expect(page.getByRole('alert')).toContainText('Confirm your e-mail address first');

  const verification = await latestEmail(email, 'Confirm your e-mail address');
  await page.goto(actionLink(verification, 'Confirm my e-mail address'));
  await expect(page.getByRole('heading', { level: 1, name: 'Your e-mail address is confirmed' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await fillSignInForm(page, email, password);
  await expect(page).toHaveURL('/');
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  expect(await (await page.request.get('/')).text()).toMatch(new RegExp(`Signed in as <strong[^>]*>${name}</strong>`));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name}`)).toHaveCount(0);
});
