/**
 * The default gateway: a local sandbox that answers like a provider and follows its test cards —
 * …4242 succeeds, …0002 is declined, …9995 fails for insufficient funds; any other valid card is declined
 * as unknown to the sandbox. It never touches a network; its ledger is in the System DB.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SandboxPayment, sandboxLedgerCollection, type SystemOrm } from '@astro/db/system';
import { cardProblem } from './card.ts';
import {
  IdempotencyConflict,
  type Card,
  type ChargeResult,
  type PaymentGateway,
  type RefundResult,
} from './gateway.ts';

export const sandboxCards = {
  succeeds: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
} as const;

function decide(card: Card, now: Date): ChargeResult {
  const problem = cardProblem(card, now);
  if (problem) return { outcome: 'declined', reason: 'invalid_card', message: problem };
  const digits = card.number.replace(/\s+/g, '');
  const last4 = digits.slice(-4);
  if (last4 === '4242') return { outcome: 'succeeded', chargeId: `ch_${randomUUID()}`, last4 };
  if (last4 === '9995')
    return {
      outcome: 'declined',
      reason: 'insufficient_funds',
      message: 'Your card was declined for insufficient funds. Try another card.',
    };
  return { outcome: 'declined', reason: 'card_declined', message: 'Your card was declined. Try another card.' };
}

/** What identifies a request for idempotency: never the card's full number or security code. */
const fingerprint = (request: Record<string, unknown>) =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

export function sandboxGateway(system: SystemOrm, now: () => Date = () => new Date()): PaymentGateway {
  const em = () => system.em.fork();

  /** Records the first answer for a key; a concurrent or later call with the same key gets that answer. */
  async function once<T extends Record<string, unknown>>(
    id: string,
    request: Record<string, unknown>,
    answer: () => T,
  ) {
    const print = { fingerprint: fingerprint(request) };
    // The first answer is written with a single insert-once: a key seen before (a retry, a concurrent call, a
    // recovery asking again) inserts nothing and reads the answer that was stored. Deciding twice is harmless:
    // the answer that is not stored is never given.
    const result = answer();
    const inserted = await sandboxLedgerCollection(em())
      .updateOne({ _id: id as never }, { $setOnInsert: { request: print, result, createdAt: now() } }, { upsert: true })
      .catch((error: { code?: number }) => {
        if (error.code === 11000) return { upsertedCount: 0 };
        throw error;
      });
    if (inserted.upsertedCount === 1) return result;
    const stored = (await em().findOneOrFail(SandboxPayment, id)) as SandboxPayment;
    if (stored.request['fingerprint'] !== print.fingerprint)
      throw new IdempotencyConflict('This idempotency key was already used for a different payment request.');
    return stored.result as T;
  }

  return {
    async charge(request) {
      const digits = request.card.number.replace(/\s+/g, '');
      return once(
        `charge:${request.idempotencyKey}`,
        { amountCents: request.amountCents, currency: request.currency, last4: digits.slice(-4) },
        () => decide(request.card, now()),
      );
    },
    async findCharge(idempotencyKey) {
      const stored = await em().findOne(SandboxPayment, `charge:${idempotencyKey}`);
      return stored ? (stored.result as ChargeResult) : null;
    },
    async refund(request) {
      return once<RefundResult>(`refund:${request.idempotencyKey}`, { ...request }, () => ({
        outcome: 'succeeded',
        refundId: `re_${randomUUID()}`,
      }));
    },
  };
}
