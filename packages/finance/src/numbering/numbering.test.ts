import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { takeDocumentNumber } from './numbering.ts';

let world: TestStores;
beforeAll(async () => {
  world = await openTestStores();
});
afterAll(() => world.drop());

const take = (kind: 'invoice' | 'credit-note', at: Date) =>
  world.stores.operational.em.fork().transactional((em) => takeDocumentNumber(em, kind, at));

describe('document numbers', () => {
  it('gives 50 transactions at once 50 consecutive numbers, each once', async () => {
    const at = new Date('2031-03-01T10:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 50 }, () => take('invoice', at)));
    expect(numbers.map((n) => n.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(numbers.map((n) => n.number)).size).toBe(50);
    expect(numbers.map((n) => n.number)).toContain('AB-2031-000050');
  });

  it('gives back the number of an issue that rolled back, so the next one leaves no gap', async () => {
    const at = new Date('2032-05-01T10:00:00Z');
    await take('invoice', at);
    await expect(
      world.stores.operational.em.fork().transactional(async (em) => {
        await takeDocumentNumber(em, 'invoice', at);
        throw new Error('the insert failed');
      }),
    ).rejects.toThrow('the insert failed');
    expect((await take('invoice', at)).number).toBe('AB-2032-000002');
  });

  it('starts each UTC year at 000001, and credit notes have a sequence of their own', async () => {
    expect((await take('invoice', new Date('2033-12-31T23:59:59Z'))).number).toBe('AB-2033-000001');
    expect((await take('invoice', new Date('2033-12-31T23:59:59.900Z'))).number).toBe('AB-2033-000002');
    expect((await take('invoice', new Date('2034-01-01T00:00:00Z'))).number).toBe('AB-2034-000001');
    expect((await take('credit-note', new Date('2033-06-01T00:00:00Z'))).number).toBe('CN-2033-000001');
  });

  it('is refused outside a transaction, where nothing would hold the number for the document', async () => {
    await expect(takeDocumentNumber(world.stores.operational.em.fork(), 'invoice', new Date())).rejects.toThrow(
      'inside the transaction',
    );
  });
});
