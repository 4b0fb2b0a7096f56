import { expect, test } from '@playwright/test';
import { invoiceStatusLabels, type InvoiceStatus } from '@astro/domain';
import { downloadedBytes, parseCsv } from '../support/downloads.ts';
import { agencyInvoices, expectStatementCsvToAddUp, type AgencyInvoice } from '../support/finance.ts';
import { hydrated, loadAndHydrate, query } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

// Orbital Horizons' invoices may be paid, credited or made overdue by finance's tests running meanwhile: each
// status is compared with what the API says at the same moment.

test('a supplier lists the agency’s invoices, filters them by status in the address, and downloads one as a PDF', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const [newest] = await agencyInvoices(page);

  await page.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const list = page.getByRole('region', { name: /^Your agency's invoices, page 1/ });
  await expect(list.getByRole('link', { name: newest!.number })).toBeVisible();

  // The filter is the page's address: a link to it shows the same list, rendered by the server.
  await loadAndHydrate(page, '/supplier/invoices');
  await page.getByLabel('Status').selectOption({ label: 'Partially paid' });
  await page.getByRole('button', { name: 'Show invoices' }).click();
  await expect.poll(() => [...new URL(page.url()).searchParams]).toEqual([['status', 'partially_paid']]);
  // The status the newest invoice has now, and every invoice with it, as the API says at the same moment.
  const rows = list.getByRole('row');
  let matching: AgencyInvoice[] = [];
  await expect(async () => {
    const [now] = await agencyInvoices(page);
    await page.goto(`/supplier/invoices?status=${now!.status}`);
    ({ invoices: matching } = await query<{ invoices: AgencyInvoice[] }>(page.request, '/api/supplier/invoices.list', {
      status: now!.status,
    }));
    await expect(rows).toHaveCount(matching.length + 1, { timeout: 1_000 });
    // The header row, and every invoice with that status.
    const label = new RegExp(invoiceStatusLabels[now!.status as InvoiceStatus]);
    await expect(rows.filter({ hasNotText: label })).toHaveCount(1, { timeout: 1_000 });
    await expect(page.getByLabel('Status')).toHaveValue(now!.status, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await hydrated(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `PDF of invoice ${matching[0]!.number}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`invoice-${matching[0]!.number}.pdf`);
  expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // A status no invoice of the agency has says so.
  await page.getByLabel('Status').selectOption({ label: 'Credited' });
  await page.getByRole('button', { name: 'Show invoices' }).click();
  await expect(page).toHaveURL(/status=credited/);
  await expect(page.getByText('No invoices have this status.')).toBeVisible();
});

test('a supplier opens an invoice and sees what it charges, the rule behind it, what is outstanding and how to pay', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const [invoice] = await agencyInvoices(page);

  await page.goto('/supplier/invoices');
  await page.getByRole('link', { name: invoice!.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice!.number}` })).toBeVisible();
  const charges = page.getByRole('region', { name: 'What it charges' }).first();
  await expect(charges.getByText(/^\d+(\.\d+)?% of net seat revenue/)).toBeVisible();
  await expect(charges.getByText('Net seat revenue', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payments received', exact: true })).toBeVisible();
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
