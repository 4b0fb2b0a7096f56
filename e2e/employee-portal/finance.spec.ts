import { expect, test, type Page } from '@playwright/test';
import { downloadedBytes, parseCsv } from '../support/downloads.ts';
import { centsShown, demoWorldInvoices, expectStatementCsvToAddUp, type InvoiceRow } from '../support/finance.ts';
import { hydrated, loadAndHydrate, query, serverHtml, watch } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

/** What a person types for an amount: "1,234.56", with separators, no dollar sign. */
const typed = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dollars = (cents: number) => `$${typed(cents)}`;

/**
 * An agency whose fees no other test changes while this one reads them: not that of an invoice a test credits (the
 * last two, see demoWorldInvoices). Payments do not move a statement's or a report's fees.
 */
const agencyWithSteadyFees = (invoices: InvoiceRow[]) => {
  const credited = invoices.slice(-2).map((each) => each.agency.id);
  return invoices.find((each) => !credited.includes(each.agency.id))!.agency;
};

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) };
}

async function openInvoice(page: Page, invoice: InvoiceRow): Promise<void> {
  await loadAndHydrate(page, `/admin/finance/invoices?number=${invoice.number}`);
  await page.getByRole('link', { name: invoice.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
}

test('finance filters the invoices by agency and number; the list arrives rendered, with the totals of what matched', async ({
  page,
}) => {
  await signInAt(page, '/admin/finance/invoices', demoAccounts.finance);
  const [, invoice] = await demoWorldInvoices(page);
  const { total, totals } = await query<{ total: number; totals: { amountCents: number } }>(
    page.request,
    '/api/admin/finance.invoices.list',
    { agencyId: invoice!.agency.id },
  );

  const path = `/admin/finance/invoices?agency=${invoice!.agency.id}`;
  expect(await serverHtml(page.request, path)).toContain(invoice!.number);
  const watched = watch(page);
  await loadAndHydrate(page, path);
  await expect(page.getByText(total === 1 ? '1 invoice matches.' : `${total} invoices match.`)).toBeVisible();
  const totalsPanel = page.getByRole('region', { name: 'Totals of the matching invoices' });
  await expect(totalsPanel.getByRole('definition').first()).toHaveText(dollars(totals.amountCents));
  const rows = page.getByRole('region', { name: /^Invoices, page 1/ }).getByRole('row');
  await expect(rows.filter({ hasNotText: invoice!.agency.displayName })).toHaveCount(1); // the header only
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);

  await page.getByLabel('Invoice number').fill(invoice!.number);
  await page.getByRole('button', { name: 'Show invoices' }).click();
  await expect
    .poll(() => [...new URL(page.url()).searchParams].sort())
    .toEqual([
      ['agency', invoice!.agency.id],
      ['number', invoice!.number],
    ]);
  await expect(page.getByText('1 invoice matches.')).toBeVisible();
  // No test pays or credits it; the finance journey's dunning run may have made it overdue.
  await expect(page.getByRole('row', { name: new RegExp(invoice!.number) })).toContainText(/Issued|Overdue/);

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.getByLabel('Status').selectOption('Paid');
  await page.getByRole('button', { name: 'Show invoices' }).click();
  await expect(page).toHaveURL(/status=paid/);
  // Every row left is a paid invoice (or says none is).
  await expect(rows.filter({ hasNotText: /Paid|No invoices match/ })).toHaveCount(1);
});

test('finance records a partial payment, then the rest: the invoice goes from Partially paid to Paid', async ({
  page,
}) => {
  await signInAt(page, '/admin/finance/invoices', demoAccounts.finance);
  const invoice = (await demoWorldInvoices(page))[0]!;
  await openInvoice(page, invoice);
  const form = page.getByRole('form', { name: 'Record a payment' });
  const amount = form.getByLabel('Amount (USD)');
  const reference = `E2E-${invoice.number}`;

  // More than is owed is refused at the field, before anything is recorded.
  await amount.fill(typed(invoice.outstandingCents + 100));
  await form.getByLabel('Reference').fill(`${reference}-1`);
  await form.getByRole('button', { name: 'Record a payment…' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAccessibleDescription(/A payment can be at most the outstanding amount\./);
  await expect(page.getByRole('button', { name: 'Confirm the payment' })).toHaveCount(0);

  const part = Math.floor(invoice.outstandingCents / 2);
  await amount.fill(typed(part));
  await form.getByRole('button', { name: 'Record a payment…' }).click();
  await expect(page.getByText(`Record ${dollars(part)} paid by ${invoice.agency.displayName}`)).toBeVisible();
  await expect(page.getByText(`It leaves ${dollars(invoice.outstandingCents - part)} outstanding`)).toContainText(
    'partially paid',
  );
  await page.getByRole('button', { name: 'Confirm the payment' }).click();
  await expect(page.getByText(`Payment of ${dollars(part)} recorded. The invoice is partially paid.`)).toBeVisible();
  await expect(page.locator('.ab-lead').getByText('Partially paid', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payments' }).getByRole('row', { name: /-1/ })).toContainText(
    dollars(part),
  );

  const rest = invoice.outstandingCents - part;
  await amount.fill(typed(rest));
  await form.getByLabel('Reference').fill(`${reference}-2`);
  await form.getByRole('button', { name: 'Record a payment…' }).click();
  await page.getByRole('button', { name: 'Confirm the payment' }).click();
  await expect(page.getByText(`Payment of ${dollars(rest)} recorded. The invoice is paid.`)).toBeVisible();
  await expect(page.locator('.ab-lead').getByText('Paid', { exact: true })).toBeVisible();
  // Nothing is left to pay, and the page says so instead of offering the form.
  await expect(page.getByRole('button', { name: 'Record a payment…' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Audit history' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Audit history' })).toContainText(demoAccounts.finance.email);

  // The list says the same.
  await loadAndHydrate(page, `/admin/finance/invoices?number=${invoice.number}`);
  await expect(page.getByRole('row', { name: new RegExp(invoice.number) })).toContainText('Paid');
});

test('finance issues a credit note on another invoice and downloads it and the invoice as PDFs', async ({ page }) => {
  await signInAt(page, '/admin/finance/invoices', demoAccounts.finance);
  const invoice = (await demoWorldInvoices(page)).at(-1)!;
  await openInvoice(page, invoice);
  const credited = Math.min(10_00, invoice.outstandingCents);
  const form = page.getByRole('form', { name: 'Issue a credit note' });

  await form.getByLabel('Amount (USD)').fill(typed(credited));
  await form.getByRole('button', { name: 'Issue a credit note…' }).click();
  const reason = form.getByLabel('Reason');
  await expect(reason).toHaveAccessibleDescription(/Say why the invoice is credited/);
  await reason.fill('Two seats were refunded after the launch.');
  await form.getByRole('button', { name: 'Issue a credit note…' }).click();
  await expect(page.getByText(`Issue a credit note of ${dollars(credited)} against ${invoice.number}`)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm the credit note' }).click();
  const said = page.getByText(new RegExp(`^Credit note CN-\\d{4}-\\d{6} of \\${dollars(credited)} issued\\.`));
  await expect(said).toBeVisible();
  const creditNote = /CN-\d{4}-\d{6}/.exec((await said.textContent())!)![0];
  const row = page.getByRole('region', { name: 'Credit notes' }).getByRole('row', { name: new RegExp(creditNote) });
  await expect(row).toContainText('Two seats were refunded after the launch.');
  await expect(row).toContainText(dollars(credited));

  const [note] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: `PDF of credit note ${creditNote}` }).click(),
  ]);
  expect(note.suggestedFilename()).toContain(creditNote);
  expect((await downloadedBytes(note)).subarray(0, 5).toString()).toBe('%PDF-');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toContain(invoice.number);
  expect((await downloadedBytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
});

test("finance reads an agency's statement of this month, whose CSV adds up to the figures shown, and its PDF", async ({
  page,
}) => {
  await signInAt(page, '/admin/finance/statements', demoAccounts.finance);
  const agency = agencyWithSteadyFees(await demoWorldInvoices(page));
  await expect(page.getByText('Choose an agency to see its statement.')).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Agency').selectOption(agency.id);
  await page.getByRole('button', { name: 'Show the statement' }).click();
  const month = new Date().toISOString().slice(0, 7);
  await expect
    .poll(() => [...new URL(page.url()).searchParams].sort())
    .toEqual([
      ['agency', agency.id],
      ['month', month],
    ]);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(agency.displayName) })).toBeVisible();
  // The issuing job invoiced the agency this month, so its fees show among the documents.
  await expect(
    page.getByRole('region', { name: /^Platform fees/ }).getByRole('row', { name: /AB-\d{4}-/ }),
  ).not.toHaveCount(0);
  const csv = await download(page, 'Download CSV');
  expect(csv.name).toMatch(/\.csv$/);
  await expectStatementCsvToAddUp(page, parseCsv(csv.bytes.toString('utf8')));
  const pdf = await download(page, 'Download PDF');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

test("the report's chart of revenue and fees per month is in the server's HTML, and its CSV adds up to the fees shown", async ({
  page,
}) => {
  await signInAt(page, '/admin/finance/reports', demoAccounts.finance);
  const agency = agencyWithSteadyFees(await demoWorldInvoices(page));
  const path = `/admin/finance/reports?agency=${agency.id}`;
  const html = await serverHtml(page.request, path);
  expect(html).toMatch(/<svg[^>]*role="img"/);
  expect(html).toMatch(/<title[^>]*>Revenue and platform fees per month<\/title>/);
  expect(html).toMatch(/<rect[^>]+class="revenue"/);
  await loadAndHydrate(page, path);
  await expect(page.getByRole('img', { name: 'Revenue and platform fees per month' })).toBeVisible();
  const months = page.getByRole('region', { name: /^Per month, the chart’s figures/ }).getByRole('row');
  await expect(months).toHaveCount(13); // a header and twelve months
  const shownFees = page.getByRole('term').filter({ hasText: 'Platform fees' }).locator('xpath=following-sibling::dd');
  const fees = centsShown((await shownFees.textContent())!);
  expect(fees).toBeGreaterThan(0);

  const csv = await download(page, 'Download CSV');
  const [header, ...rows] = parseCsv(csv.bytes.toString('utf8'));
  const column = header!.indexOf('Platform fees (USD)');
  expect(rows.reduce((sum, row) => sum + centsShown(row[column]!), 0)).toBe(fees);
});

test('support has no Finance entry, and the finance pages and their API say they are not for that role', async ({
  page,
}) => {
  await signInAt(page, '/admin/bookings', demoAccounts.support);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Finance' })).toHaveCount(0);
  await page.goto('/admin/finance/invoices');
  await expect(page.getByRole('heading', { level: 1, name: 'Finance' })).toBeVisible();
  await expect(page.getByText(/are for finance and admins, not for your role/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  const refused = await page.request.get(`/api/admin/finance.invoices.list?input=${encodeURIComponent('{}')}`);
  expect(refused.status()).toBe(403);
});

test('finance and admins find Finance in the navigation', async ({ page }) => {
  await signInAt(page, '/admin/', demoAccounts.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Finance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await expect(page).toHaveTitle('Invoices · Employee portal · Astro Bookings');
  await hydrated(page);
  await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Finance reports' })).toBeVisible();
});
