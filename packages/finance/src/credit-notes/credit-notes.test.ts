import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry, CreditNote, Invoice } from '@astro/db/operational';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { createTestAgency, createTestLaunch, issueTestInvoice } from '../invoices.test-support.ts';
import { recordAgencyPayment } from '../payments/payments.ts';
import { issueCreditNote } from './credit-notes.ts';

let world: TestStores;
const em = () => world.stores.operational.em.fork();
const admin = { accountId: 'admin-1', email: 'admin@example.com', role: 'admin' };
const issuedAt = new Date('2027-03-02T10:00:00Z');
const now = new Date('2027-03-10T12:00:00Z');

beforeAll(async () => {
  world = await openTestStores();
});
afterAll(() => world.drop());

const newInvoice = async (amountCents = 10_000) => {
  const db = em();
  return issueTestInvoice(db, await createTestLaunch(db, await createTestAgency(db)), { issuedAt, amountCents });
};
const credit = (invoiceId: string, amountCents: number, reason = 'Refunds arrived after issue') =>
  issueCreditNote(em(), { invoiceId, amountCents, reason }, admin, now);

describe('issuing a credit note', () => {
  it('lowers what the invoice asks for, with its own number, reason and audit entry', async () => {
    const invoice = await newInvoice();
    const note = await credit(invoice.id, 2_500);
    expect(note).toMatchObject({
      number: 'CN-2027-000001',
      creditedCents: 2_500,
      outstandingCents: 7_500,
      status: 'issued',
    });
    const stored = await em().findOneOrFail(CreditNote, note.creditNoteId);
    expect(stored).toMatchObject({
      reason: 'Refunds arrived after issue',
      issuedBy: 'admin@example.com',
      issueDate: '2027-03-10',
    });
    const [entry] = await em().find(AuditEntry, { targetType: 'invoice', targetId: invoice.id });
    expect(entry).toMatchObject({
      action: 'invoice.issueCreditNote',
      reason: 'Refunds arrived after issue',
      after: expect.objectContaining({ number: 'CN-2027-000001', creditedCents: 2_500 }),
    });
  });

  it('credits the whole of an invoice partly paid: credited, whatever was paid', async () => {
    const invoice = await newInvoice();
    await recordAgencyPayment(
      em(),
      { invoiceId: invoice.id, amountCents: 3_000, paidOn: '2027-03-05', reference: 'B1' },
      admin,
      now,
    );
    expect((await credit(invoice.id, 10_000)).status).toBe('credited');
    await expect(credit(invoice.id, 1)).rejects.toMatchObject({
      fields: { amountCents: 'Credit notes already cover this whole invoice.' },
    });
  });

  it('refuses more than is left to credit and a reason left empty', async () => {
    const invoice = await newInvoice();
    await credit(invoice.id, 4_000);
    await expect(credit(invoice.id, 6_001)).rejects.toMatchObject({
      fields: { amountCents: 'A credit note can be at most what is left to credit on the invoice.' },
    });
    await expect(credit(invoice.id, 100, '   ')).rejects.toMatchObject({ fields: { reason: expect.any(String) } });
    await expect(credit(crypto.randomUUID(), 100)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('never credits more than the invoice when 50 arrive at once, and numbers them with no gap', async () => {
    const invoice = await newInvoice(10_000);
    const before = await em().count(CreditNote, {});
    const answers = await Promise.allSettled(Array.from({ length: 50 }, () => credit(invoice.id, 700)));
    const issued = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
    // 14 notes of 7.00 fit in 100.00.
    expect(issued).toHaveLength(14);
    expect((await em().findOneOrFail(Invoice, invoice.id)).creditedCents).toBe(9_800);
    const sequences = (await em().find(CreditNote, {}, { orderBy: { sequence: 'asc' } })).map((note) => note.sequence);
    expect(sequences).toEqual(Array.from({ length: before + 14 }, (_, n) => n + 1));
  });
});
