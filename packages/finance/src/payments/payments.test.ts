import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyPayment, AuditEntry, Invoice } from '@astro/db/operational';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { createTestAgency, createTestLaunch, issueTestInvoice } from '../invoices.test-support.ts';
import { recordAgencyPayment } from './payments.ts';

let world: TestStores;
const em = () => world.stores.operational.em.fork();
const finance = { accountId: 'finance-1', email: 'finance@example.com', role: 'finance' };
const issuedAt = new Date('2026-11-02T10:00:00Z');
const now = new Date('2026-11-20T12:00:00Z');

beforeAll(async () => {
  world = await openTestStores();
});
afterAll(() => world.drop());

const newInvoice = async (amountCents = 10_000) => {
  const agency = await createTestAgency(em());
  const db = em();
  return issueTestInvoice(db, await createTestLaunch(db, agency), { issuedAt, amountCents });
};
const pay = (invoiceId: string, amountCents: number, reference: string, paidOn = '2026-11-18') =>
  recordAgencyPayment(em(), { invoiceId, amountCents, paidOn, reference }, finance, now);

describe('recording an agency payment', () => {
  it('takes a part, then the rest: partially paid, then paid, each recorded in the audit trail', async () => {
    const invoice = await newInvoice();
    expect(await pay(invoice.id, 4_000, 'BANK-1')).toMatchObject({
      paidCents: 4_000,
      outstandingCents: 6_000,
      status: 'partially_paid',
    });
    expect(await pay(invoice.id, 6_000, 'BANK-2')).toMatchObject({ outstandingCents: 0, status: 'paid' });
    const trail = await em().find(
      AuditEntry,
      { targetType: 'invoice', targetId: invoice.id },
      { orderBy: { at: 'asc' } },
    );
    expect(trail.map((entry) => [entry.action, entry.before?.['status'], entry.after?.['status']])).toEqual([
      ['invoice.recordPayment', 'issued', 'partially_paid'],
      ['invoice.recordPayment', 'partially_paid', 'paid'],
    ]);
    expect(trail[0]!.after).toMatchObject({ reference: 'BANK-1', amountCents: 4_000, paidOn: '2026-11-18' });
  });

  it('refuses more than the outstanding amount, a date in the future and nothing at all, saying which field', async () => {
    const invoice = await newInvoice();
    await expect(pay(invoice.id, 10_001, 'BANK-X')).rejects.toMatchObject({
      kind: 'invalid',
      fields: { amountCents: 'A payment can be at most the outstanding amount.' },
    });
    await expect(pay(invoice.id, 0, 'BANK-X')).rejects.toMatchObject({
      fields: { amountCents: 'A payment is a whole number of cents, more than 0.' },
    });
    await expect(pay(invoice.id, 100, 'BANK-X', '2026-11-21')).rejects.toMatchObject({
      fields: { paidOn: expect.any(String) },
    });
    await expect(pay(invoice.id, 100, 'BANK-X', '2026-11-01')).rejects.toMatchObject({
      fields: { paidOn: expect.any(String) },
    });
    await expect(pay(invoice.id, 100, '  ')).rejects.toMatchObject({ fields: { reference: expect.any(String) } });
    await expect(pay(crypto.randomUUID(), 100, 'BANK-X')).rejects.toMatchObject({ kind: 'not_found' });
    expect(await em().count(AgencyPayment, { invoice: invoice.id })).toBe(0);
  });

  it('records the same reference on one invoice once, and says the second is already recorded', async () => {
    const invoice = await newInvoice();
    await pay(invoice.id, 1_000, 'SWIFT 123');
    await expect(pay(invoice.id, 1_000, ' SWIFT 123 ')).rejects.toMatchObject({
      kind: 'conflict',
      message: 'A payment with the reference “SWIFT 123” is already recorded on this invoice: $10.00 on 2026-11-18.',
    });
    expect((await em().findOneOrFail(Invoice, invoice.id)).paidCents).toBe(1_000);
  });

  it('never takes an invoice above its outstanding amount when 50 payments arrive at once', async () => {
    const invoice = await newInvoice(10_000);
    const answers = await Promise.allSettled(Array.from({ length: 50 }, (_, n) => pay(invoice.id, 300, `RACE-${n}`)));
    // 33 payments of 3.00 fit in 100.00; the 34th would pass it.
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(33);
    const after = await em().findOneOrFail(Invoice, invoice.id);
    expect(after.paidCents).toBe(9_900);
    expect(await em().count(AgencyPayment, { invoice: invoice.id })).toBe(33);
    expect(await em().count(AuditEntry, { targetType: 'invoice', targetId: invoice.id })).toBe(33);
  });

  it('records 50 identical requests at once as one payment', async () => {
    const invoice = await newInvoice(10_000);
    const answers = await Promise.allSettled(Array.from({ length: 50 }, () => pay(invoice.id, 2_500, 'DOUBLE-CLICK')));
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 'rejected');
    expect(new Set(refused.map((answer) => (answer.reason as { kind: string }).kind))).toEqual(new Set(['conflict']));
    expect((await em().findOneOrFail(Invoice, invoice.id)).paidCents).toBe(2_500);
  });
});
