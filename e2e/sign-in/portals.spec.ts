import { expect, test } from '@playwright/test';
import { demoAccounts, fillSignInForm, signInAt } from '../support/sign-in.ts';

test('a supplier signs in to the supplier portal', async ({ page }) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Orbital Horizons');
});

test('an employee signs in to the employee portal', async ({ page }) => {
  await signInAt(page, '/admin/', demoAccounts.admin);
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
});

test('an operator signs in to the IT operations dashboard', async ({ page }) => {
  await signInAt(page, '/ops/', demoAccounts.operator);
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
});

test('a customer who opens the employee portal is refused, and its data stays closed', async ({ page }) => {
  await page.goto('/admin/');
  await fillSignInForm(page, 'elena.petrova@example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'This portal is not for your account' })).toBeVisible();
  await expect(page.getByText('Pioneer Rocketworks')).toHaveCount(0);

  const response = await page.request.get('/api/admin/agencies.list');
  expect(response.status()).toBe(403);
});

test('wrong passwords are refused, and the fifth locks the account', async ({ page }) => {
  // Finance's account: no other test signs in with it, so locking it disturbs nothing.
  await page.goto('/admin/');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await fillSignInForm(page, demoAccounts.finance.email, 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText('That e-mail and password do not match an account.');
  }
  await fillSignInForm(page, demoAccounts.finance.email, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('This account is now locked');
  // Even the right password waits until the lock runs out.
  await fillSignInForm(page, demoAccounts.finance.email);
  await expect(page.getByRole('alert')).toContainText('This account is locked');
});
