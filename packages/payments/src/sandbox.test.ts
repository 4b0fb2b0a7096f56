import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxPayment } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { cardProblem } from './card.ts';
import { IdempotencyConflict, type PaymentGateway } from './gateway.ts';
import { sandboxCards, sandboxGateway } from './sandbox.ts';

const now = new Date('2026-11-25T12:00:00Z');
const card = (number: string) => ({ number, expiry: '12/29', cvc: '123' });

describe('the sandbox payment gateway', () => {
  let world: TestStores;
  let gateway: PaymentGateway;
  let key = 0;
  const charge = (number: string, amountCents = 125_000_00, idempotencyKey = `booking-${++key}`) =>
    gateway.charge({ idempotencyKey, amountCents, currency: 'USD', card: card(number), description: 'Seats' });

  beforeAll(async () => {
    world = await openTestStores();
    gateway = sandboxGateway(world.stores.system, () => now);
  });
  afterAll(() => world.drop());

  it('follows the test cards', async () => {
    expect(await charge(sandboxCards.succeeds)).toMatchObject({ outcome: 'succeeded', last4: '4242' });
    expect(await charge(sandboxCards.declined)).toEqual({
      outcome: 'declined',
      reason: 'card_declined',
      message: 'Your card was declined. Try another card.',
    });
    expect(await charge(sandboxCards.insufficientFunds)).toMatchObject({
      outcome: 'declined',
      reason: 'insufficient_funds',
    });
    expect(await charge('4242 4242 4242 4241')).toMatchObject({ outcome: 'declined', reason: 'invalid_card' });
  });

  it('answers a repeated key with the first answer, even when the calls arrive together', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => charge(sandboxCards.succeeds, 50_000_00, 'same-moment')),
    );
    const ids = new Set(results.map((result) => (result.outcome === 'succeeded' ? result.chargeId : result.outcome)));
    expect(ids.size).toBe(1);
    expect(await world.stores.system.em.fork().count(SandboxPayment, { id: 'charge:same-moment' })).toBe(1);
  });

  it('refuses a key reused for a different amount', async () => {
    await charge(sandboxCards.succeeds, 100, 'reused');
    await expect(charge(sandboxCards.succeeds, 200, 'reused')).rejects.toBeInstanceOf(IdempotencyConflict);
  });

  it('finds an earlier charge by its key, and knows when there was none', async () => {
    const first = await charge(sandboxCards.succeeds, 300, 'interrupted');
    expect(await gateway.findCharge('interrupted')).toEqual(first);
    expect(await gateway.findCharge('never-sent')).toBeNull();
  });

  it('refunds once per key', async () => {
    const first = await gateway.refund({ idempotencyKey: 'refund-1', chargeId: 'ch_x', amountCents: 100 });
    expect(await gateway.refund({ idempotencyKey: 'refund-1', chargeId: 'ch_x', amountCents: 100 })).toEqual(first);
  });
});

describe('card checks', () => {
  it.each([
    [
      { number: '4242424242424241', expiry: '12/29', cvc: '123' },
      'Check the card number: it is not a valid card number.',
    ],
    [{ number: '4242424242424242', expiry: '13/29', cvc: '123' }, 'Enter the expiry date as MM/YY.'],
    [{ number: '4242424242424242', expiry: '10/26', cvc: '123' }, 'This card has expired.'],
    [
      { number: '4242424242424242', expiry: '11/26', cvc: '12' },
      'Enter the 3 or 4 digit security code from the back of the card.',
    ],
    [{ number: '4242 4242 4242 4242', expiry: '11/26', cvc: '123' }, null],
  ])('%o: %s', (input, problem) => {
    expect(cardProblem(input, now)).toBe(problem);
  });
});
