import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, Invoice } from '@astro/db/operational';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { issueCreditNote } from '../credit-notes/credit-notes.ts';
import { createTestAgency, createTestLaunch, issueTestInvoice } from '../invoices.test-support.ts';
import { recordAgencyPayment } from '../payments/payments.ts';
import { invoiceActions, invoiceDetail, listInvoices, type InvoiceFilter } from './invoices.ts';

let world: TestStores;
const em = () => world.stores.operational.em.fork();
const finance = { accountId: 'finance-1', email: 'finance@example.com', role: 'finance' };
const now = new Date('2027-01-20T12:00:00Z');
let orbital: Agency;
let selene: Agency;
const invoices: Invoice[] = [];

const list = (filter: Partial<InvoiceFilter> = {}) =>
  listInvoices(em(), { sort: 'number', direction: 'asc', page: 1, pageSize: 20, ...filter });

beforeAll(async () => {
  world = await openTestStores();
  orbital = await createTestAgency(em(), { displayName: 'Orbital Horizons' });
  selene = await createTestAgency(em(), { displayName: 'Selene Launch Co.' });
  // Five invoices: three of Orbital's in December and January, two of Selene's.
  const issue = async (agency: Agency, at: string, amountCents: number) => {
    const db = em();
    invoices.push(
      await issueTestInvoice(db, await createTestLaunch(db, agency), { issuedAt: new Date(at), amountCents }),
    );
  };
  await issue(orbital, '2026-12-03T09:00:00Z', 10_000);
  await issue(selene, '2026-12-20T09:00:00Z', 20_000);
  await issue(orbital, '2027-01-05T09:00:00Z', 30_000);
  await issue(selene, '2027-01-06T09:00:00Z', 40_000);
  await issue(orbital, '2027-01-07T09:00:00Z', 50_000);
  await recordAgencyPayment(
    em(),
    { invoiceId: invoices[2]!.id, amountCents: 5_000, paidOn: '2027-01-10', reference: 'P1' },
    finance,
    now,
  );
  await issueCreditNote(
    em(),
    { invoiceId: invoices[4]!.id, amountCents: 8_000, reason: 'Seats refunded late' },
    finance,
    now,
  );
});
afterAll(() => world.drop());

describe('the invoices list', () => {
  it('filters by agency and issue period, with the totals of everything matched, not only the page shown', async () => {
    const page = await list({ agencyId: orbital.id, issued: { from: '2027-01-01', until: '2027-01-31' }, pageSize: 1 });
    expect(page.invoices.map((row) => row.number)).toEqual(['AB-2027-000001']);
    expect(page.total).toBe(2);
    expect(page.totals).toEqual({
      count: 2,
      amountCents: 80_000,
      creditedCents: 8_000,
      paidCents: 5_000,
      outstandingCents: 67_000,
    });
  });

  it('finds a number whole, by its start, or by its sequence alone', async () => {
    expect((await list({ number: 'ab-2026-000002' })).invoices.map((row) => row.agency.displayName)).toEqual([
      'Selene Launch Co.',
    ]);
    expect((await list({ number: 'AB-2026' })).total).toBe(2);
    expect((await list({ number: '3' })).invoices.map((row) => row.number)).toEqual(['AB-2027-000003']);
    expect((await list({ number: '100%' })).total).toBe(0);
  });

  it('filters by status and sorts by what is outstanding', async () => {
    expect((await list({ status: 'partially_paid' })).invoices.map((row) => row.number)).toEqual(['AB-2027-000001']);
    const sorted = await list({ sort: 'outstanding', direction: 'desc' });
    expect(sorted.invoices.map((row) => row.outstandingCents)).toEqual([42_000, 40_000, 25_000, 20_000, 10_000]);
    expect((await list({ page: 2, pageSize: 3 })).invoices.map((row) => row.number)).toEqual([
      'AB-2027-000002',
      'AB-2027-000003',
    ]);
  });
});

describe('one invoice', () => {
  it('shows its rule, payments and credit notes, and what may still be done', async () => {
    const detail = await invoiceDetail(em(), invoices[4]!.id);
    expect(detail).toMatchObject({
      number: 'AB-2027-000003',
      billedTo: { legalName: orbital.legalName, taxId: orbital.taxId },
      feeRuleDescription: '1% of net seat revenue',
      amountCents: 50_000,
      creditedCents: 8_000,
      outstandingCents: 42_000,
      leftToCreditCents: 42_000,
      creditNotes: [expect.objectContaining({ number: 'CN-2027-000001', reason: 'Seats refunded late' })],
      payments: [],
    });
    expect(invoiceActions(detail)).toEqual({ recordPayment: { allowed: true }, issueCreditNote: { allowed: true } });
  });

  it('says why nothing more can be paid or credited once credit notes cover it', async () => {
    await issueCreditNote(
      em(),
      { invoiceId: invoices[0]!.id, amountCents: 10_000, reason: 'Launch billed twice' },
      finance,
      now,
    );
    expect(invoiceActions(await invoiceDetail(em(), invoices[0]!.id))).toEqual({
      recordPayment: { allowed: false, reason: 'Nothing is outstanding on this invoice.' },
      issueCreditNote: { allowed: false, reason: 'Credit notes already cover this whole invoice.' },
    });
  });

  it('is not found for another agency, as if it did not exist', async () => {
    await expect(invoiceDetail(em(), invoices[1]!.id, { agencyId: orbital.id })).rejects.toMatchObject({
      kind: 'not_found',
      message: 'There is no such invoice.',
    });
  });
});
