/** Finance as the tests meet it: invoices the issuing job makes within seconds of the system's start. */
import { expect, type Page } from '@playwright/test';
import { demoAgencies } from '@astro/db/seed';
import { query } from './server-rendered.ts';

export interface AgencyInvoice {
  id: string;
  number: string;
  status: string;
}

/** The signed-in supplier's invoices, newest first, once the issuing job has invoiced the agency's flown launches. */
export async function agencyInvoices(page: Page): Promise<AgencyInvoice[]> {
  let invoices: AgencyInvoice[] = [];
  await expect
    .poll(
      async () => {
        ({ invoices } = await query<{ invoices: AgencyInvoice[] }>(page.request, '/api/supplier/invoices.list', {}));
        return invoices.length;
      },
      { message: 'The issuing job invoiced none of the agency’s flown launches', timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  return invoices;
}

export interface InvoiceRow extends AgencyInvoice {
  amountCents: number;
  outstandingCents: number;
  agency: { id: string; displayName: string };
}

/** The finance journey's own agency (e2e/finance-journey.spec.ts): no other test touches its invoice. */
export const journeyAgency = demoAgencies.find((agency) => agency.key === 'meridian')!;
/** Agencies whose invoices other tests rely on: the supplier portal's (read, statuses unchanged) and the journey's. */
const elsewhere = [demoAgencies[0]!.displayName, journeyAgency.displayName];
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

/**
 * The invoices of the demo world's flown launches, by number, as finance (signed in) finds them once the issuing job
 * has issued them all (two reads apart give the same list), leaving out the agencies other tests rely on. Each
 * test that changes one takes its own place in this list, stable whatever the others do (the journey's dunning run
 * may make any of them overdue): the finance pages' journey pays the first, reads the second and credits the last;
 * the accessibility check pays and credits the one before the last.
 */
export async function demoWorldInvoices(page: Page): Promise<InvoiceRow[]> {
  const read = async () =>
    (
      await query<{ invoices: InvoiceRow[] }>(page.request, '/api/admin/finance.invoices.list', {
        sort: 'number',
        direction: 'asc',
        pageSize: 100,
      })
    ).invoices.filter((invoice) => !elsewhere.includes(invoice.agency.displayName));
  let invoices: InvoiceRow[] = [];
  await expect
    .poll(
      async () => {
        const before = (await read()).length;
        await settle();
        invoices = await read();
        return invoices.length === before ? invoices.length : 0;
      },
      { message: 'The issuing job invoiced too few of the demo world’s flown launches', timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(4);
  return invoices;
}

/** An amount as the pages write it, "$1,234.56" or "-$5.00", in cents. */
export const centsShown = (text: string) => Math.round(Number(text.replace(/[$,\s]/g, '')) * 100);

/**
 * The statement's CSV, as a spreadsheet would sum it, adds up to the figures the statement page shows: its lines are
 * signed as the payout sees them, so seat sales make the gross, refunds and fees take off, and all of them the payout.
 */
export async function expectStatementCsvToAddUp(page: Page, [header, ...rows]: string[][]): Promise<void> {
  expect(header).toEqual(['Line', 'Launch or number', 'Date', 'Description', 'Amount (USD)']);
  const sum = (...lines: string[]) =>
    rows
      .filter((row) => lines.length === 0 || lines.includes(row[0]!))
      .reduce((cents, row) => cents + centsShown(row[4]!), 0);
  const shown = async (term: string) =>
    centsShown(
      (await page.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd').textContent())!,
    );
  expect(sum('Seat sales')).toBe(await shown('Gross seat sales'));
  expect(0 - sum('Refunds')).toBe(await shown('Refunds'));
  expect(0 - sum('Platform fee', 'Credit note')).toBe(await shown('Platform fees'));
  expect(sum()).toBe(await shown('Net payout'));
}
