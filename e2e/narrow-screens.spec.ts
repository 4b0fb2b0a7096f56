import { expect, test, type Page } from '@playwright/test';
import { agencyInvoices, demoWorldInvoices } from './support/finance.ts';
import { failedEmail, failedEmailSubject } from './support/mailbox.ts';
import { demoAccounts, demoTravelers, signInAt, signInToCustomerSite } from './support/sign-in.ts';
import { deadLetterOfMissingBooking } from './support/sync.ts';

// WCAG 1.4.10 Reflow: at 320 CSS px every page must read without scrolling sideways.
test.use({ viewport: { width: 320, height: 640 } });

const firstPages = [
  { path: '/', heading: 'Upcoming launches', account: null },
  { path: '/bookings', heading: 'My bookings', account: demoTravelers.kwame, signIn: signInToCustomerSite },
  { path: '/account', heading: 'Account', account: demoTravelers.kwame, signIn: signInToCustomerSite },
  { path: '/supplier/', heading: 'Rockets', account: demoAccounts.supplier },
  { path: '/supplier/launches', heading: 'Launches', account: demoAccounts.supplier },
  { path: '/supplier/invoices', heading: 'Invoices', account: demoAccounts.supplier },
  { path: '/supplier/statements', heading: 'Statements', account: demoAccounts.supplier },
  { path: '/admin/', heading: 'Agencies', account: demoAccounts.admin },
  { path: '/admin/bookings', heading: 'Bookings', account: demoAccounts.support },
  { path: '/admin/launches', heading: 'Launches', account: demoAccounts.support },
  { path: '/admin/audit', heading: 'Audit trail', account: demoAccounts.admin },
  { path: '/admin/users', heading: 'Users', account: demoAccounts.admin },
  { path: '/admin/finance/invoices', heading: 'Invoices', account: demoAccounts.finance },
  { path: '/admin/finance/reports', heading: 'Finance reports', account: demoAccounts.finance },
  { path: '/ops/', heading: 'System status', account: demoAccounts.operator },
  { path: '/ops/instances', heading: 'Instances', account: demoAccounts.operator },
  { path: '/ops/email', heading: 'E-mail queue', account: demoAccounts.operator },
  { path: '/ops/jobs', heading: 'Jobs', account: demoAccounts.operator },
  { path: '/ops/logs', heading: 'Logs', account: demoAccounts.operator },
  { path: '/ops/sync', heading: 'Sync', account: demoAccounts.operator },
  { path: '/auth/register', heading: 'Create your account', account: null },
];

for (const { path, heading, account, signIn = signInAt } of firstPages) {
  test(`${path} fits a 320 px wide screen`, async ({ page }) => {
    if (account) await signIn(page, path, account);
    else await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSidewaysScrolling(page);
  });
}

test('an invoice in the supplier portal fits a 320 px wide screen', async ({ page }) => {
  await signInAt(page, '/supplier/invoices', demoAccounts.supplier);
  const [invoice] = await agencyInvoices(page);
  await page.goto(`/supplier/invoices/${invoice!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice!.number}` })).toBeVisible();
  await expectNoSidewaysScrolling(page);
});

test("an invoice and an agency's statement in the employee portal fit a 320 px wide screen", async ({ page }) => {
  await signInAt(page, '/admin/finance/invoices', demoAccounts.finance);
  const [, invoice] = await demoWorldInvoices(page);
  await page.goto(`/admin/finance/invoices/${invoice!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice!.number}` })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await page.goto(`/admin/finance/statements?agency=${invoice!.agency.id}`);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(invoice!.agency.displayName) })).toBeVisible();
  await expectNoSidewaysScrolling(page);
});

test('a failed e-mail in the operations dashboard fits a 320 px wide screen', async ({ page }) => {
  const emailId = await failedEmail(`narrow.${Date.now().toString(36)}@example.com`);
  await signInAt(page, `/ops/email/${emailId}`, demoAccounts.operator);
  await expect(page.getByRole('heading', { level: 1, name: failedEmailSubject })).toBeVisible();
  await expectNoSidewaysScrolling(page);
});

test('a dead letter open on the sync page, and the messages of its entity, fit a 320 px wide screen', async ({
  page,
}) => {
  const { bookingId } = await deadLetterOfMissingBooking();
  await signInAt(page, `/ops/sync?entity=${bookingId}`, demoAccounts.operator);
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  await page.getByText(`Payload and error of booking.cancel ${bookingId}`).click();
  await expectNoSidewaysScrolling(page);
});

async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
