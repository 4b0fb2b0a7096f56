import { expect, test } from '@playwright/test';
import { downloadedBytes, parseCsv } from '../support/downloads.ts';
import { agencyInvoices, expectStatementCsvToAddUp } from '../support/finance.ts';
import { loadAndHydrate } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

// Orbital Horizons' invoices are only read here (the finance journey pays another agency's), so their statuses hold.

test('a supplier lists the agency’s invoices, filters them by status in the address, and downloads one as a PDF', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const invoices = await agencyInvoices(page);
  const [newest] = invoices;

  await page.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const list = page.getByRole('region', { name: /^Your agency's invoices, page 1/ });
  await expect(list.getByRole('link', { name: newest!.number })).toBeVisible();

  // The filter is the page's address: a link to it shows the same list, rendered by the server.
  await loadAndHydrate(page, '/supplier/invoices');
  await page.getByLabel('Status').selectOption({ label: 'Paid' });
  await page.getByRole('button', { name: 'Show invoices' }).click();
  await expect.poll(() => [...new URL(page.url()).searchParams]).toEqual([['status', 'paid']]);
  await expect(page.getByText('No invoices have this status.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Issued' });
  await page.getByRole('button', { name: 'Show invoices' }).click();
  const issued = invoices.filter((invoice) => invoice.status === 'issued');
  await expect(list.getByRole('row')).toHaveCount(issued.length + 1);
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('issued');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download invoice ${issued[0]!.number} (PDF)` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`invoice-${issued[0]!.number}.pdf`);
  expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a supplier opens an invoice and sees what it charges, the rule behind it, what is outstanding and how to pay', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const [invoice] = await agencyInvoices(page);

  await page.goto('/supplier/invoices');
  await page.getByRole('link', { name: invoice!.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice!.number}` })).toBeVisible();
  const charges = page.getByRole('region', { name: 'What it charges' });
  await expect(charges.getByText(/^\d+(\.\d+)?% of net seat revenue/)).toBeVisible();
  await expect(charges.getByText('Net seat revenue', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payments received' })).toContainText('No payment has been received');
  await expect(page.getByRole('region', { name: 'How to pay' })).toContainText(invoice!.number);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download invoice (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a supplier reads a statement of a date range and downloads it as a CSV whose lines add up to the figures shown', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  await page.getByRole('link', { name: 'Statements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statements' })).toBeVisible();

  // The demo world's bookings were paid and refunded over the last years; up to yesterday, no test adds to them.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await loadAndHydrate(page, '/supplier/statements');
  await page.getByLabel('From').fill('2020-01-01');
  await page.getByLabel('Until').fill(yesterday);
  await page.getByRole('button', { name: 'Show statement' }).click();
  // The range is the page's address, and wins over the month the form also names.
  await expect.poll(() => new URL(page.url()).searchParams.get('until')).toBe(yesterday);
  expect(new URL(page.url()).searchParams.get('from')).toBe('2020-01-01');
  await expect(page.getByRole('heading', { level: 2, name: /^1 Jan 2020 to / })).toBeVisible();
  await expect(page.getByText('No seat was sold or refunded in this period.')).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download statement (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`statement-orbital-horizons-2020-01-01-${yesterday}.csv`);
  await expectStatementCsvToAddUp(page, parseCsv((await downloadedBytes(download)).toString('utf8')));
});
