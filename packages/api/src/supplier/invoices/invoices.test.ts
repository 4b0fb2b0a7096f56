import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, Invoice } from '@astro/db/operational';
import { issueCreditNote, recordAgencyPayment } from '@astro/finance';
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
import { createSupplierContext } from '../context.ts';
import { supplierRouter } from '../router.ts';

let world: TestStores;
const now = new Date('2026-12-10T12:00:00Z');
const log = createLogger({ service: 'test', level: 'error', write: () => {} });
const em = () => world.stores.operational.em.fork();
const finance = { accountId: 'finance-1', email: 'finance@example.com', role: 'finance' };
const supplierOf = (agency: Agency) =>
  supplierRouter.createCaller(
    createSupplierContext({
      operational: world.stores.operational,
      system: world.stores.system,
      log,
      now: () => now,
      viewer: viewerAs('supplier', { agencyId: agency.id }),
      issuer: world.config.issuer,
    }),
  );
let vega: Agency;
let other: Agency;
let vegaInvoice: Invoice;
let otherInvoice: Invoice;
const november = { from: '2026-11-01', until: '2026-11-30' };

beforeAll(async () => {
  world = await openTestStores();
  const db = em();
  // Suspended: its suppliers change nothing, and still read their invoices and statements.
  vega = await createTestAgency(db, {
    displayName: 'Vega Spaceways',
    legalName: 'Vega Spaceways GmbH',
    status: 'suspended',
  });
  other = await createTestAgency(db, { displayName: 'Other Orbit' });
  const launch = await createTestLaunch(db, vega, { missionName: 'Vega Night Flight' });
  await recordTestSales(db, launch, [
    { kind: 'payment', amountCents: 800_000, at: new Date('2026-11-02T10:00:00Z') },
    { kind: 'refund', amountCents: 100_000, at: new Date('2026-11-09T10:00:00Z') },
  ]);
  vegaInvoice = await issueTestInvoice(db, launch, { issuedAt: new Date('2026-11-10T09:00:00Z'), amountCents: 7_000 });
  otherInvoice = await issueTestInvoice(db, await createTestLaunch(db, other), {
    issuedAt: new Date('2026-11-11T09:00:00Z'),
    amountCents: 4_000,
  });
  await recordAgencyPayment(
    em(),
    { invoiceId: vegaInvoice.id, amountCents: 2_000, paidOn: '2026-11-20', reference: 'V-1' },
    finance,
    now,
  );
  await issueCreditNote(em(), { invoiceId: otherInvoice.id, amountCents: 1_000, reason: 'Goodwill' }, finance, now);
});
afterAll(() => world.drop());

describe('supplier invoices', () => {
  it('lists only the agency’s own invoices, with status and what is outstanding', async () => {
    const page = await supplierOf(vega).invoices.list({});
    expect(page.invoices.map((row) => [row.number, row.status, row.outstandingCents])).toEqual([
      [vegaInvoice.number, 'partially_paid', 5_000],
    ]);
    expect(page.totals).toMatchObject({ count: 1, amountCents: 7_000, paidCents: 2_000, outstandingCents: 5_000 });
    // An agency id slipped into the input changes nothing.
    expect((await supplierOf(vega).invoices.list({ agencyId: other.id } as never)).total).toBe(1);
  });

  it('shows its own invoice without employees’ e-mails, and another agency’s invoice is not found', async () => {
    const detail = await supplierOf(vega).invoices.detail({ invoiceId: vegaInvoice.id });
    expect(detail).toMatchObject({
      number: vegaInvoice.number,
      outstandingCents: 5_000,
      billedTo: { legalName: 'Vega Spaceways GmbH' },
      // How to pay, from the issuer's configuration.
      payTo: {
        legalName: world.config.issuer.legalName,
        email: world.config.issuer.email,
        paymentDetails: world.config.issuer.paymentDetails,
      },
    });
    expect(detail.payments).toEqual([
      {
        id: expect.any(String),
        amountCents: 2_000,
        paidOn: '2026-11-20',
        reference: 'V-1',
        recordedAt: expect.any(String),
      },
    ]);
    expect(detail).not.toHaveProperty('actions');
    for (const call of [
      () => supplierOf(vega).invoices.detail({ invoiceId: otherInvoice.id }),
      () => supplierOf(vega).invoices.pdf({ invoiceId: otherInvoice.id }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'There is no such invoice.' });
  });

  it('downloads its invoice as a PDF, and another agency’s credit note is not found', async () => {
    const text = await pdfText(await supplierOf(vega).invoices.pdf({ invoiceId: vegaInvoice.id }));
    expect(text).toContain(vegaInvoice.number);
    expect(text).toContain('Vega Spaceways GmbH');
    expect(text).toContain('$70.00');
    const [note] = (await supplierOf(other).invoices.detail({ invoiceId: otherInvoice.id })).creditNotes;
    expect(await pdfText(await supplierOf(other).invoices.creditNotePdf({ creditNoteId: note!.id }))).toContain(
      otherInvoice.number,
    );
    await expect(supplierOf(vega).invoices.creditNotePdf({ creditNoteId: note!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('shows the agency’s statement, as CSV whose rows add up to the payout and as PDF', async () => {
    const statement = await supplierOf(vega).statements.show(november);
    expect(statement.totals).toMatchObject({
      grossCents: 800_000,
      refundsCents: 100_000,
      feesCents: 7_000,
      netPayoutCents: 693_000,
    });
    const rows = parseCsv(await supplierOf(vega).statements.csv(november));
    expect(sumCents(rows, 'Amount (USD)')).toBe(693_000);
    expect(rows.find((row) => row['Line'] === 'Refunds')).toMatchObject({ 'Amount (USD)': '-1000.00' });
    expect(await pdfText(await supplierOf(vega).statements.pdf(november))).toContain('$6,930.00');
  });
});
