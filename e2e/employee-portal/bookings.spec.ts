import { expect, test, type Page } from '@playwright/test';
import type { BookingSearchResult } from '@astro/api';
import { auditEntryOf } from '../support/audit-trail.ts';
import { latestEmail } from '../support/mailbox.ts';
import { hydrated, loadAndHydrate, query, serverHtml, watch } from '../support/server-rendered.ts';
import { demoAccounts, demoTravelers, signInAt } from '../support/sign-in.ts';

/** The one booking of a traveler, as the desk's search finds it. */
async function onlyBookingOf(page: Page, email: string) {
  const { bookings } = await query<BookingSearchResult>(page.request, '/api/admin/bookings.search', { query: email });
  expect(bookings).toHaveLength(1);
  return bookings[0]!;
}

/** Waits, as the page itself does, for the sync to bring the cancellation back to the booking's copy. */
async function expectCancelledSoon(page: Page) {
  await expect(page.getByText('The booking is cancelled.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Cancellation pending')).toHaveCount(0);
  await expect(page.locator('.ab-lead').getByText('Cancelled', { exact: true })).toBeVisible();
}

test('support finds a booking by the customer’s e-mail, cancels it with a reason, and the traveler is told', async ({
  page,
}) => {
  const traveler = demoTravelers.nadia;
  await signInAt(page, '/admin/bookings', demoAccounts.support);
  await hydrated(page);
  await page.getByLabel('Reference, name or e-mail').fill(traveler.email);
  await page.getByRole('button', { name: 'Search bookings' }).click();
  // The search is the page's address, naming only the filters set: a link to it shows the same.
  await expect.poll(() => [...new URL(page.url()).searchParams]).toEqual([['q', traveler.email]]);
  await expect(page.getByText('1 booking matches.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(traveler.name) });
  const booking = await onlyBookingOf(page, traveler.email);
  await row.getByRole('link', { name: /^Booking / }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Booking / })).toBeVisible();
  await expect(page.getByText(traveler.email).first()).toBeVisible();
  // How to reach the traveler, from their profile (the seed gives every traveler both).
  const customer = page.getByRole('region', { name: 'Customer' });
  await expect(customer.getByRole('link', { name: /^\+1 555 01\d\d$/ })).toHaveAttribute('href', /^tel:/);
  await expect(customer.getByText(/\(\w+\), \+1 555 02\d\d$/)).toBeVisible();
  await expect(customer.getByText('Not given')).toHaveCount(0);
  // Support cancels with the policy's refund and is told why the refund is not theirs to set.
  await expect(page.getByLabel('Refund (USD, optional)')).toHaveCount(0);
  await expect(page.getByText(/Only finance or an admin may set the refund/)).toBeVisible();
  await page.getByLabel('Reason').fill('The traveler called: a family emergency.');
  await page.getByRole('button', { name: 'Cancel booking…' }).click();
  await expect(page.getByText(/Cancelling now refunds/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(page.getByText('Cancellation pending').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel booking…' })).toHaveCount(0);
  await expectCancelledSoon(page);
  await expect(page.getByRole('region', { name: 'Payment ledger' }).getByText('Refund')).toBeVisible();

  const email = await latestEmail(traveler.email, `Booking cancelled: ${booking.launch.missionName}`);
  expect(email.text).toContain('The traveler called: a family emergency.');

  // The booking's audit history holds the cancellation: who, why, and the status before and after.
  await page.getByRole('link', { name: 'Audit history', exact: true }).click();
  const cancellation = await auditEntryOf(page, 'Cancelled a booking');
  await expect(cancellation).toContainText(demoAccounts.support.email);
  await expect(cancellation).toContainText('The traveler called: a family emergency.');
  await expect(cancellation.getByRole('row', { name: /^Status/ })).toContainText(/confirmed\s*cancellation requested/);
  await expect(cancellation.getByRole('row', { name: /^Refund set by employee/ })).toContainText('false');
});

test('finance sets a refund within what was paid, and is refused at the field above it', async ({ page }) => {
  const traveler = demoTravelers.tobias;
  await signInAt(page, `/admin/bookings?q=${encodeURIComponent(traveler.email)}`, demoAccounts.finance);
  const booking = await onlyBookingOf(page, traveler.email);
  await page
    .getByRole('row', { name: new RegExp(traveler.name) })
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Booking / })).toBeVisible();
  await hydrated(page);

  const refund = page.getByLabel('Refund (USD, optional)');
  await page.getByLabel('Reason').fill('Goodwill: the traveler was moved to another date.');
  await refund.fill(String(booking.totalCents / 100 + 1));
  await page.getByRole('button', { name: 'Cancel booking…' }).click();
  await expect(refund).toHaveAttribute('aria-invalid', 'true');
  await expect(refund).toHaveAccessibleDescription(/A refund can never be more than what was paid\./);
  await expect(refund).toBeFocused();
  await expect(page.getByRole('button', { name: 'Confirm cancellation' })).toHaveCount(0);

  await refund.fill('1000');
  await page.getByRole('button', { name: 'Cancel booking…' }).click();
  await expect(page.getByText(/Cancelling now refunds \$1,000\.00 of the/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(page.getByText('Cancellation pending').first()).toBeVisible();
  await expectCancelledSoon(page);
  const ledger = page.getByRole('region', { name: 'Payment ledger' });
  await expect(ledger.getByRole('row', { name: /Refund/ })).toContainText('$1,000.00');
  await expect(ledger.getByRole('row', { name: /Refund/ })).toContainText('priya.nair@astrobookings.example');

  // The audit history shows finance set the refund, and how much.
  await page.getByRole('link', { name: 'Audit history', exact: true }).click();
  const cancellation = await auditEntryOf(page, 'Cancelled a booking');
  await expect(cancellation).toContainText(demoAccounts.finance.email);
  await expect(cancellation).toContainText('Goodwill: the traveler was moved to another date.');
  await expect(cancellation.getByRole('row', { name: /^Refund cents/ })).toContainText('100000');
  await expect(cancellation.getByRole('row', { name: /^Refund set by employee/ })).toContainText('true');
});

test('the search form works without JavaScript, as a plain GET form', async ({ page, browser }) => {
  const traveler = demoTravelers.rafael;
  await signInAt(page, '/admin/bookings', demoAccounts.support);
  const noScript = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  try {
    const plain = await noScript.newPage();
    await plain.goto('/admin/bookings');
    await plain.getByLabel('Reference, name or e-mail').fill(traveler.email);
    await plain.getByRole('button', { name: 'Search bookings' }).click();
    await expect(plain.getByText('2 bookings match.')).toBeVisible();
    await expect(plain.getByRole('row', { name: new RegExp(traveler.name) })).toHaveCount(2);
    expect(new URL(plain.url()).searchParams.get('q')).toBe(traveler.email);
  } finally {
    await noScript.close();
  }
});

test('the bookings search and a booking arrive from the server and hydrate without fetching them again', async ({
  page,
}) => {
  const traveler = demoTravelers.rafael;
  await signInAt(page, '/admin/bookings', demoAccounts.support);
  const search = `/admin/bookings?q=${encodeURIComponent(traveler.email)}&sort=totalCents&dir=asc`;
  expect(await serverHtml(page.request, search)).toContain(traveler.email);

  const list = watch(page);
  await loadAndHydrate(page, search);
  await expect(page.getByRole('heading', { level: 1, name: 'Bookings' })).toBeVisible();
  await expect(page.getByLabel('Reference, name or e-mail')).toHaveValue(traveler.email);
  await expect(page.getByRole('columnheader', { name: 'Total' })).toHaveAttribute('aria-sort', 'ascending');
  expect(list.apiRequests).toEqual([]);
  expect(list.consoleErrors).toEqual([]);

  const { bookings } = await query<BookingSearchResult>(page.request, '/api/admin/bookings.search', {
    query: traveler.email,
  });
  const path = `/admin/bookings/${bookings[0]!.id}`;
  const html = await serverHtml(page.request, path);
  for (const text of [traveler.name, 'Payment ledger', 'Status timeline', bookings[0]!.launch.missionName])
    expect(html).toContain(text);
  const detail = watch(page);
  await loadAndHydrate(page, path);
  await expect(page.getByRole('heading', { level: 1, name: /^Booking / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit history', exact: true })).toHaveAttribute(
    'href',
    `/admin/audit?targetType=booking&targetId=${bookings[0]!.id}`,
  );
  expect(detail.apiRequests).toEqual([]);
  expect(detail.consoleErrors).toEqual([]);

  expect(await serverHtml(page.request, `/admin/bookings/${crypto.randomUUID()}`, 404)).toContain(
    'There is no booking with this reference.',
  );
});
