/**
 * The whole of finance, across the system: a supplier's launch flies, the issuing job invoices it once its bookings
 * are settled, finance records the agency's payments, the dunning job (its clock moved past the due date) reminds
 * the agency once, and the agency reads its invoice, PDF and statement in its portal. Meridian Orbital and its launch
 * Northern Light are the demo world's for this journey alone.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { downloadedBytes, parseCsv } from './support/downloads.ts';
import { expectStatementCsvToAddUp, journeyAgency } from './support/finance.ts';
import { runJobOnce } from './support/jobs.ts';
import { actionLink, deliveredEmails, latestEmail } from './support/mailbox.ts';
import { hydrated, query, reloadUntilVisible, serverHtml } from './support/server-rendered.ts';
import { demoAccounts, signInAt } from './support/sign-in.ts';

const meridian = journeyAgency;
const launchName = meridian.ownLaunch!.missionName;
const day = 86_400_000;

/** A page of its own, signed in as `account`: finance and the agency act side by side, as they would. */
async function signedIn(browser: Browser, path: string, account: { email: string; name: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAt(page, path, account);
  return page;
}

async function recordPayment(finance: Page, amount: string, reference: string): Promise<void> {
  const form = finance.getByRole('form', { name: 'Record a payment' });
  await form.getByLabel('Amount (USD)').fill(amount);
  await form.getByLabel('Reference').fill(reference);
  await form.getByRole('button', { name: 'Record a payment…' }).click();
  await finance.getByRole('button', { name: 'Confirm the payment' }).click();
}

test('a launch flies and is invoiced; the agency pays part, is reminded once when it is overdue, pays the rest, and reads it all in its portal', async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // The supplier marks the launch launched.
  const supplier = await signedIn(browser, '/supplier/launches', meridian.supplier);
  await supplier.getByRole('link', { name: launchName }).click();
  await expect(supplier.getByRole('heading', { level: 1, name: launchName })).toBeVisible();
  await hydrated(supplier);
  await supplier.getByRole('button', { name: 'Mark as launched' }).click();
  await expect(supplier.getByRole('status')).toHaveText('Marked as launched.');

  // Finance sees its invoice once the launch's bookings are settled: 1% of 5 seats at $450,000.00.
  const finance = await signedIn(browser, '/admin/finance/invoices', demoAccounts.finance);
  await hydrated(finance);
  await finance.getByLabel('Agency').selectOption({ label: meridian.displayName });
  await finance.getByRole('button', { name: 'Show invoices' }).click();
  await expect(finance).toHaveURL(/agency=/);
  const row = finance.getByRole('row', { name: new RegExp(launchName) });
  await reloadUntilVisible(finance, row, 60_000);
  await expect(row).toContainText('$22,500.00');
  await expect(row).toContainText('Issued');
  const number = (await row.getByRole('link', { name: /^AB-\d{4}-\d{6}$/ }).textContent())!.trim();
  await row.getByRole('link', { name: number }).click();
  await expect(finance.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible();
  await hydrated(finance);
  const status = finance.locator('.ab-lead');

  // A part of it is paid.
  await recordPayment(finance, '10,000.00', `MO-${number}-1`);
  await expect(finance.getByText('Payment of $10,000.00 recorded. The invoice is partially paid.')).toBeVisible();
  await expect(status.getByText('Partially paid', { exact: true })).toBeVisible();

  // The clock moves past the due date: the invoice is overdue and the agency is reminded, once however often the
  // job runs that day.
  const [invoice] = (
    await query<{ invoices: { id: string; number: string; dueDate: string }[] }>(
      finance.request,
      '/api/admin/finance.invoices.list',
      { number },
    )
  ).invoices;
  const dayAfterDue = new Date(Date.parse(`${invoice!.dueDate}T06:00:00Z`) + day);
  const first = await runJobOnce('invoice-dunning', dayAfterDue);
  expect(first.outcome).toBe('succeeded');
  expect(first.counts!['reminded']).toBeGreaterThanOrEqual(1);
  // The reminder is queued as of the moment the dunning run reached it, a little after `dayAfterDue` (its clock runs
  // on from there): the e-mail sender runs half a minute later that day, as the scheduled one would, and sends it.
  const overdueSubject = `Invoice ${number} is overdue`;
  await expect(async () => {
    await runJobOnce('email-sender', new Date(dayAfterDue.getTime() + 30_000));
    expect(await deliveredEmails(meridian.contactEmail, overdueSubject)).toHaveLength(1);
  }).toPass({ timeout: 60_000 });
  const reminder = await latestEmail(meridian.contactEmail, overdueSubject);
  expect(reminder.text).toContain(invoice!.dueDate);
  const second = await runJobOnce('invoice-dunning', new Date(dayAfterDue.getTime() + 60_000));
  expect(second.counts).toMatchObject({ reminded: 0 });
  await runJobOnce('email-sender', new Date(dayAfterDue.getTime() + 120_000));
  await finance.reload();
  await expect(status.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(finance.getByRole('region', { name: 'Reminders sent' }).getByRole('row')).toHaveCount(2);
  expect(await deliveredEmails(meridian.contactEmail, overdueSubject)).toHaveLength(1);

  // The rest is paid.
  await hydrated(finance);
  await recordPayment(finance, '12,500.00', `MO-${number}-2`);
  await expect(finance.getByText('Payment of $12,500.00 recorded. The invoice is paid.')).toBeVisible();
  await expect(status.getByText('Paid', { exact: true })).toBeVisible();

  // The agency follows the "invoice issued" e-mail to its invoice: the rule, both payments and the reminder.
  const issued = await latestEmail(meridian.contactEmail, `Invoice ${number} from Astro Bookings`);
  await supplier.goto(actionLink(issued, 'See the invoice'));
  await expect(supplier.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible();
  await expect(supplier.locator('.ab-lead').getByText('Paid', { exact: true })).toBeVisible();
  const charges = supplier.getByRole('region', { name: 'What it charges' }).first();
  await expect(charges).toContainText('1% of net seat revenue');
  await expect(charges).toContainText('$2,250,000.00');
  await expect(supplier.getByRole('region', { name: 'Payments received', exact: true }).getByRole('row')).toHaveCount(
    3,
  );
  await expect(supplier.getByRole('region', { name: 'Reminders' })).toContainText('1 day overdue');
  await expect(supplier.getByRole('region', { name: 'How to pay' })).toContainText('Nothing is outstanding');

  // In its list, with the PDF.
  await supplier.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(supplier.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const listed = supplier.getByRole('row', { name: new RegExp(`^${number}`) });
  await expect(listed).toContainText('Paid');
  await expect(listed).toContainText('$0.00');
  await hydrated(supplier);
  const [pdf] = await Promise.all([
    supplier.waitForEvent('download'),
    listed.getByRole('button', { name: `PDF of invoice ${number}` }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`invoice-${number}.pdf`);
  expect((await downloadedBytes(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // And its statement of this month, whose CSV holds the invoice.
  await supplier.getByRole('link', { name: 'Statements' }).click();
  await expect(supplier.getByRole('heading', { level: 1, name: 'Statements' })).toBeVisible();
  await expect(supplier.getByRole('row', { name: new RegExp(`^${number}`) })).toContainText('$22,500.00');
  await hydrated(supplier);
  const [csv] = await Promise.all([
    supplier.waitForEvent('download'),
    supplier.getByRole('button', { name: 'Download statement (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^statement-meridian-orbital-.*\.csv$/);
  const rows = parseCsv((await downloadedBytes(csv)).toString('utf8'));
  expect(rows.find((each) => each[1] === number)).toEqual(expect.arrayContaining(['Platform fee', '-22500.00']));
  await expectStatementCsvToAddUp(supplier, rows);

  // Another agency's supplier finds no such invoice.
  const other = await signedIn(browser, '/supplier/invoices', demoAccounts.supplier);
  await other.goto(`/supplier/invoices/${invoice!.id}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(other.getByText(number)).toHaveCount(0);
  expect(await serverHtml(other.request, `/supplier/invoices/${invoice!.id}`, 404)).not.toContain(number);
});
