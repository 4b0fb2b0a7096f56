import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '@astro/db/operational';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { issueCreditNote } from '../credit-notes/credit-notes.ts';
import { createTestAgency, createTestLaunch, issueTestInvoice, recordTestSales } from '../invoices.test-support.ts';
import { financeReport } from '../reports/reports.ts';
import { agencyStatement } from './statements.ts';

let world: TestStores;
const em = () => world.stores.operational.em.fork();
const finance = { accountId: 'finance-1', email: 'finance@example.com', role: 'finance' };
const november = { from: '2026-11-01', until: '2026-11-30' };
let orbital: Agency;
let selene: Agency;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  world = await openTestStores();
  const db = em();
  orbital = await createTestAgency(db, { displayName: 'Orbital Horizons' });
  selene = await createTestAgency(db, { displayName: 'Selene Launch Co.' });
  const lunar = await createTestLaunch(db, orbital, {
    missionName: 'Lunar Loop',
    launchDate: at('2026-11-20T09:00:00Z'),
  });
  const polar = await createTestLaunch(db, orbital, {
    missionName: 'Polar Pass',
    launchDate: at('2026-10-10T09:00:00Z'),
  });
  const other = await createTestLaunch(db, selene, {
    missionName: 'Selene One',
    launchDate: at('2026-11-12T09:00:00Z'),
  });
  await recordTestSales(db, lunar, [
    { kind: 'payment', amountCents: 500_000, at: at('2026-10-31T23:59:59Z') }, // October's, not November's
    { kind: 'payment', amountCents: 300_000, at: at('2026-11-01T00:00:00Z') },
    { kind: 'refund', amountCents: 50_000, at: at('2026-11-30T23:59:59Z') },
  ]);
  await recordTestSales(db, lunar, [{ kind: 'payment', amountCents: 200_000, at: at('2026-11-15T10:00:00Z') }]);
  await recordTestSales(db, polar, [{ kind: 'refund', amountCents: 20_000, at: at('2026-11-03T10:00:00Z') }]);
  await recordTestSales(db, other, [{ kind: 'payment', amountCents: 999_000, at: at('2026-11-10T10:00:00Z') }]);
  // Polar's invoice was issued in October; its credit note in November lowers November's fees.
  const polarInvoice = await issueTestInvoice(db, polar, { issuedAt: at('2026-10-12T09:00:00Z'), amountCents: 9_000 });
  await issueCreditNote(
    em(),
    { invoiceId: polarInvoice.id, amountCents: 1_500, reason: 'Late refund' },
    finance,
    at('2026-11-04T09:00:00Z'),
  );
  const lunarInvoice = await issueTestInvoice(db, lunar, { issuedAt: at('2026-11-21T09:00:00Z'), amountCents: 9_500 });
  await issueTestInvoice(db, other, { issuedAt: at('2026-11-13T09:00:00Z'), amountCents: 9_990 });
  await issueCreditNote(
    em(),
    { invoiceId: lunarInvoice.id, amountCents: 500, reason: 'Goodwill' },
    finance,
    at('2026-12-01T00:00:00Z'),
  );
});
afterAll(() => world.drop());

describe('an agency statement', () => {
  it('counts the money and documents of the period only, and pays out gross less refunds less fees', async () => {
    const statement = await agencyStatement(em(), orbital.id, november);
    expect(statement.totals).toEqual({
      grossCents: 500_000,
      refundsCents: 70_000,
      invoicedCents: 9_500,
      creditedCents: 1_500,
      feesCents: 8_000,
      netPayoutCents: 422_000,
    });
    expect(statement.launches.map((launch) => [launch.missionName, launch.salesCents, launch.refundsCents])).toEqual([
      ['Polar Pass', 0, 20_000],
      ['Lunar Loop', 500_000, 50_000],
    ]);
    expect(statement.documents.map((document) => [document.kind, document.number, document.amountCents])).toEqual([
      ['credit-note', 'CN-2026-000001', -1_500],
      ['invoice', 'AB-2026-000002', 9_500],
    ]);
    expect(statement.agency).toMatchObject({ legalName: orbital.legalName, taxId: orbital.taxId });
  });

  it('refuses a period that ends before it starts, and an agency that does not exist', async () => {
    await expect(agencyStatement(em(), orbital.id, { from: '2026-11-30', until: '2026-11-01' })).rejects.toMatchObject({
      fields: { until: 'The period ends before it starts.' },
    });
    await expect(agencyStatement(em(), crypto.randomUUID(), november)).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('the finance report', () => {
  it('gives each agency its month, fees invoiced less credited, collected and pending, and every month for the chart', async () => {
    const report = await financeReport(em(), { period: { from: '2026-10-01', until: '2026-12-31' } });
    const row = (month: string, agency: Agency) =>
      report.rows.find((r) => r.month === month && r.agency.id === agency.id);
    expect(row('2026-11', orbital)).toMatchObject({
      grossCents: 500_000,
      refundsCents: 70_000,
      netRevenueCents: 430_000,
      invoicedCents: 9_500,
      creditedCents: 1_500,
      feesCents: 8_000,
      collectedCents: 0,
      // Lunar's invoice, less the credit note of December.
      pendingCents: 9_000,
    });
    expect(row('2026-10', orbital)).toMatchObject({ grossCents: 500_000, invoicedCents: 9_000, pendingCents: 7_500 });
    expect(row('2026-12', orbital)).toMatchObject({ creditedCents: 500, feesCents: -500 });
    expect(report.months.map((month) => month.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(report.totals).toMatchObject({ grossCents: 1_999_000, refundsCents: 70_000, feesCents: 26_490 });
    const selenes = await financeReport(em(), { period: november, agencyId: selene.id });
    expect(selenes.rows.map((r) => [r.agency.displayName, r.grossCents, r.feesCents])).toEqual([
      ['Selene Launch Co.', 999_000, 9_990],
    ]);
  });
});

describe('an agency with 1,000 invoices and 100,000 ledger rows', () => {
  // How fast they answer is scripts/bench/finance's to measure; this checks that they add up at that size.
  it('gets a statement and a report that add up over every invoice and ledger row', async () => {
    const db = em();
    const agency = await createTestAgency(db, { displayName: 'Busy Agency' });
    // Launches, bookings, ledger rows and invoices made in SQL: a thousand issues one by one would test the fixture.
    await db.execute(
      `insert into rocket (id, agency_id, name, capacity, range, active, created_at, updated_at)
       values (gen_random_uuid(), ?, 'Bulk Rocket', 10, 'orbit', true, now(), now())`,
      [agency.id],
    );
    await db.execute(
      `insert into launch (id, agency_id, rocket_id, mission_name, destination, spaceport, launch_date, launch_day,
         price_per_seat_cents, currency, minimum_passengers, status, slug, version, created_at, updated_at)
       select gen_random_uuid(), ?, r.id, 'Bulk ' || n, 'orbit', 'Cape', d, d::date, 100000, 'USD', 1, 'launched',
         'bulk-' || n || '-' || r.id, 1, now(), now()
       from rocket r, generate_series(1, 1000) n, lateral (select timestamptz '2024-01-01' + n * interval '1 day' as d) t
       where r.agency_id = ?`,
      [agency.id, agency.id],
    );
    await db.execute(
      `insert into booking_copy (id, launch_id, customer_id, customer_name, customer_email, seats, passengers,
         unit_price_cents, total_cents, currency, status, paid_cents, refunded_cents, version, booked_at, synced_at)
       select gen_random_uuid(), l.id, gen_random_uuid(), 'Bulk Traveler', 'bulk@example.com', 1, '[]', 100000,
         100000, 'USD', 'confirmed', 100000, 0, 2, l.launch_date - interval '30 days', now()
       from launch l, generate_series(1, 20) n where l.agency_id = ?`,
      [agency.id],
    );
    await db.execute(
      `insert into booking_ledger_entry (id, booking_id, kind, amount_cents, currency, gateway_reference, at)
       select gen_random_uuid(), b.id, case when n = 5 then 'refund' else 'payment' end, 20000, 'USD', 'bulk',
         b.booked_at + n * interval '1 hour'
       from booking_copy b join launch l on l.id = b.launch_id, generate_series(1, 5) n where l.agency_id = ?`,
      [agency.id],
    );
    await db.execute(
      `insert into invoice (id, number, year, sequence, launch_id, agency_id, billed_to, lines, fee_rule, amount_cents,
         currency, issued_at, issue_date, due_date, credited_cents, paid_cents, status, updated_at)
       select gen_random_uuid(), 'AB-1999-' || lpad(row_number() over ()::text, 6, '0'), 1999,
         row_number() over (), l.id, l.agency_id, '{}', '[]', '{"kind":"abort","flatCents":100000}', 100000, 'USD',
         l.launch_date + interval '2 days', (l.launch_date + interval '2 days')::date,
         (l.launch_date + interval '32 days')::date, 0, 0, 'issued', now()
       from launch l where l.agency_id = ?`,
      [agency.id],
    );
    await db.execute('analyze');
    const statement = await agencyStatement(em(), agency.id, { from: '2023-01-01', until: '2026-12-31' });
    expect(statement.documents).toHaveLength(1_000);
    expect(statement.totals.grossCents).toBe(80_000 * 20_000);
    const report = await financeReport(em(), {
      period: { from: '2023-01-01', until: '2026-12-31' },
      agencyId: agency.id,
    });
    expect(report.totals.invoicedCents).toBe(1_000 * 100_000);
  });
});
