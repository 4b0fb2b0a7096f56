import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import type { Agency, Invoice } from '@astro/db/operational';
import type { UserRole } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import {
  createTestAgency,
  createTestLaunch,
  issueTestInvoice,
  recordTestSales,
} from '../../../../finance/src/invoices.test-support.ts';
import { parseCsv, pdfText, sumCents } from '../../finance/documents.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { fieldsRefused } from '../../refusals.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

let world: TestStores;
let now = new Date('2026-11-25T12:00:00Z');
const log = createLogger({ service: 'test', level: 'error', write: () => {} });
const em = () => world.stores.operational.em.fork();
const as = (role: UserRole) =>
  adminRouter.createCaller(
    createAdminContext({
      operational: world.stores.operational,
      system: world.stores.system,
      log,
      now: () => now,
      viewer: viewerAs(role, { id: `${role}-account` }),
      accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
      issuer: world.config.issuer,
    }),
  );
let agency: Agency;
let invoice: Invoice;

beforeAll(async () => {
  world = await openTestStores();
  agency = await createTestAgency(em(), {
    displayName: 'Lyra Orbital',
    legalName: 'Lyra Orbital Pte. Ltd.',
    legalAddress: '1 Changi Spaceport Road, Singapore 499999',
  });
  const db = em();
  const launch = await createTestLaunch(db, agency, { missionName: 'Equator Hop' });
  await recordTestSales(db, launch, [
    { kind: 'payment', amountCents: 1_250_000, at: new Date('2026-11-03T10:00:00Z') },
  ]);
  invoice = await issueTestInvoice(db, launch, { issuedAt: new Date('2026-11-05T09:00:00Z'), amountCents: 12_500 });
});
afterAll(() => world.drop());

describe('admin finance.invoices', () => {
  it('lists the invoices with the totals of the filter, for finance and admins', async () => {
    const page = await as('finance').finance.invoices.list({ agencyId: agency.id });
    expect(page.invoices).toEqual([
      expect.objectContaining({
        number: invoice.number,
        agency: { id: agency.id, displayName: 'Lyra Orbital' },
        launch: expect.objectContaining({ missionName: 'Equator Hop' }),
        amountCents: 12_500,
        outstandingCents: 12_500,
        status: 'issued',
      }),
    ]);
    expect(page.totals).toMatchObject({ count: 1, amountCents: 12_500, outstandingCents: 12_500 });
    await expect(as('support').finance.invoices.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('says what to fix in a bad filter, field by field', async () => {
    expect(
      await as('finance')
        .finance.invoices.list({ issuedFrom: '2026-11-30', issuedUntil: '2026-11-01', pageSize: 500 })
        .catch(fieldsRefused),
    ).toEqual({
      issuedUntil: 'The last day must not be before the first.',
      pageSize: 'Ask for at most 100 invoices a page.',
    });
    expect(
      await as('finance')
        .finance.invoices.list({ status: 'lost' as 'paid' })
        .catch(fieldsRefused),
    ).toEqual({
      status: 'Choose a status from the list.',
    });
  });

  it('records a partial payment, then the rest, and shows both with their history', async () => {
    const finance = as('finance').finance.invoices;
    expect(
      await finance.recordPayment({
        invoiceId: invoice.id,
        amountCents: 5_000,
        paidOn: '2026-11-20',
        reference: 'WIRE 1',
      }),
    ).toMatchObject({ status: 'partially_paid', outstandingCents: 7_500 });
    const refused = await finance
      .recordPayment({ invoiceId: invoice.id, amountCents: 7_501, paidOn: '2026-11-20', reference: 'WIRE 2' })
      .catch((error: { code: string; message: string }) => error);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'A payment can be at most the outstanding amount.' });
    expect(fieldsRefused(refused as never)).toEqual({
      amountCents: 'A payment can be at most the outstanding amount.',
    });
    await expect(
      finance.recordPayment({ invoiceId: invoice.id, amountCents: 100, paidOn: '2026-11-20', reference: 'WIRE 1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already recorded') });
    now = new Date('2026-11-25T12:05:00Z');
    await finance.recordPayment({
      invoiceId: invoice.id,
      amountCents: 7_500,
      paidOn: '2026-11-24',
      reference: 'WIRE 2',
    });
    const detail = await finance.detail({ invoiceId: invoice.id });
    expect(detail).toMatchObject({
      status: 'paid',
      outstandingCents: 0,
      payments: [
        expect.objectContaining({ reference: 'WIRE 1', amountCents: 5_000, recordedBy: 'finance@example.com' }),
        expect.objectContaining({ reference: 'WIRE 2', amountCents: 7_500 }),
      ],
      actions: { recordPayment: { allowed: false, reason: 'Nothing is outstanding on this invoice.' } },
    });
    expect(detail.history.map((entry) => [entry.action, entry.by, entry.after?.['status']])).toEqual([
      ['invoice.recordPayment', 'finance@example.com', 'partially_paid'],
      ['invoice.recordPayment', 'finance@example.com', 'paid'],
    ]);
  });

  it('issues a credit note with a reason, and refuses one without', async () => {
    const finance = as('admin').finance.invoices;
    expect(
      await finance.issueCreditNote({ invoiceId: invoice.id, amountCents: 2_500, reason: '' }).catch(fieldsRefused),
    ).toEqual({
      reason: 'Say why the invoice is credited, in a few words: the reason is printed on the credit note.',
    });
    const issued = await finance.issueCreditNote({
      invoiceId: invoice.id,
      amountCents: 2_500,
      reason: 'Refund after issue',
    });
    expect(issued).toMatchObject({ number: 'CN-2026-000001', creditedCents: 2_500, outstandingCents: -2_500 });
    expect((await finance.detail({ invoiceId: invoice.id })).creditNotes).toEqual([
      expect.objectContaining({
        number: 'CN-2026-000001',
        reason: 'Refund after issue',
        issuedBy: 'admin@example.com',
      }),
    ]);
  });

  it('answers "not found" for an invoice that does not exist, and a field message for an id that is none', async () => {
    await expect(as('finance').finance.invoices.detail({ invoiceId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no such invoice.',
    });
    expect(await as('finance').finance.invoices.detail({ invoiceId: 'AB-2026-000001' }).catch(fieldsRefused)).toEqual({
      invoiceId: 'This is not an invoice id.',
    });
  });
});

describe('admin finance documents, statements and reports', () => {
  it('gives the invoice as a PDF with its number, the agency’s legal name and the amount', async () => {
    const file = await as('finance').finance.invoices.pdf({ invoiceId: invoice.id });
    expect(file.filename).toBe(`invoice-${invoice.number}.pdf`);
    const text = await pdfText(file);
    expect(text).toContain(invoice.number);
    expect(text).toContain('Lyra Orbital Pte. Ltd.');
    expect(text).toContain(agency.taxId);
    expect(text).toContain('$125.00');
    expect(text).toContain(world.config.issuer.legalName);
    expect(text).toContain('Equator Hop');
  });

  it('gives a credit note as a PDF that names the invoice it corrects', async () => {
    const [note] = (await as('finance').finance.invoices.detail({ invoiceId: invoice.id })).creditNotes;
    const text = await pdfText(await as('finance').finance.creditNotes.pdf({ creditNoteId: note!.id }));
    expect(text).toContain(note!.number);
    expect(text).toContain(`Corrects invoice ${invoice.number}`);
    expect(text).toContain('Lyra Orbital Pte. Ltd.');
    expect(text).toContain('-$25.00');
    await expect(as('finance').finance.creditNotes.pdf({ creditNoteId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no such credit note.',
    });
  });

  it('shows the statement, and its CSV rows add up to the net payout and its PDF says it', async () => {
    const period = { agencyId: agency.id, from: '2026-11-01', until: '2026-11-30' };
    const statement = await as('finance').finance.statements.show(period);
    expect(statement.totals).toEqual({
      grossCents: 1_250_000,
      refundsCents: 0,
      invoicedCents: 12_500,
      creditedCents: 2_500,
      feesCents: 10_000,
      netPayoutCents: 1_240_000,
    });
    const rows = parseCsv(await as('finance').finance.statements.csv(period));
    expect(sumCents(rows, 'Amount (USD)')).toBe(statement.totals.netPayoutCents);
    expect(
      sumCents(
        rows.filter((row) => row['Line'] === 'Seat sales'),
        'Amount (USD)',
      ),
    ).toBe(1_250_000);
    expect(rows.find((row) => row['Line'] === 'Credit note')).toMatchObject({ 'Amount (USD)': '25.00' });
    expect(rows.find((row) => row['Line'] === 'Platform fee')).toMatchObject({ 'Amount (USD)': '-125.00' });
    const text = await pdfText(await as('finance').finance.statements.pdf(period));
    expect(text).toContain('Lyra Orbital Pte. Ltd.');
    expect(text).toContain('$12,400.00');
    await expect(
      as('finance').finance.statements.show({ ...period, agencyId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await as('finance')
        .finance.statements.show({ ...period, until: '2026-10-01' })
        .catch(fieldsRefused),
    ).toEqual({
      until: 'The period ends before it starts.',
    });
  });

  it('shows the report by month and agency, and its CSV columns add up to its totals', async () => {
    const report = await as('admin').finance.reports.show({ from: '2026-10-01', until: '2026-11-30' });
    expect(report.months.map((month) => month.month)).toEqual(['2026-10', '2026-11']);
    expect(report.totals).toMatchObject({ grossCents: 1_250_000, feesCents: 10_000, collectedCents: 12_500 });
    const rows = parseCsv(await as('admin').finance.reports.csv({ from: '2026-10-01', until: '2026-11-30' }));
    expect(rows.map((row) => [row['Month'], row['Agency']])).toEqual([['2026-11', 'Lyra Orbital']]);
    expect(sumCents(rows, 'Gross seat revenue (USD)')).toBe(report.totals.grossCents);
    expect(sumCents(rows, 'Platform fees (USD)')).toBe(report.totals.feesCents);
    expect(sumCents(rows, 'Collected (USD)')).toBe(report.totals.collectedCents);
    expect(sumCents(rows, 'Pending (USD)')).toBe(report.totals.pendingCents);
  });
});
