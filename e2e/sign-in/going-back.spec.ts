import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

test('pressing Back after signing in says the sign-in step has expired, and signing in again returns to the portal', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'This sign-in step has expired' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in again' }).click();
  // Still signed in at the authorization server: straight back into the portal, no form.
  await expect(page.getByText(`Signed in as ${demoAccounts.supplier.name}`)).toBeVisible();
  await expect(page).toHaveURL(/\/supplier\/$/);
});

test('a badly encoded session cookie is taken as no session: the site shows, the portal asks to sign in', async ({
  page,
  baseURL,
}) => {
  await page
    .context()
    .addCookies(
      ['ab_customer', 'ab_supplier', 'ab_auth_csrf'].map((name) => ({ name, value: '%E0%A4%A', url: baseURL! })),
    );

  const site = await page.goto('/');
  expect(site?.status()).toBe(200);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/supplier/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
