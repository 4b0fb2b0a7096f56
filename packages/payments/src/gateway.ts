/**
 * The payment provider as the product sees it. Both calls carry an idempotency key: repeating a call with
 * the same key returns the first answer and never charges or refunds twice.
 */
import type { Currency } from '@astro/domain';

export interface Card {
  number: string;
  /** MM/YY */
  expiry: string;
  cvc: string;
}

export type ChargeResult =
  | { outcome: 'succeeded'; chargeId: string; last4: string }
  | { outcome: 'declined'; reason: 'card_declined' | 'insufficient_funds' | 'invalid_card'; message: string };

export type RefundResult = { outcome: 'succeeded'; refundId: string } | { outcome: 'failed'; message: string };

export interface PaymentGateway {
  charge(request: {
    idempotencyKey: string;
    amountCents: number;
    currency: Currency;
    card: Card;
    description: string;
  }): Promise<ChargeResult>;
  refund(request: { idempotencyKey: string; chargeId: string; amountCents: number }): Promise<RefundResult>;
  /**
   * The answer already given to a charge with this key, or null if the provider never saw it: how an
   * interrupted payment is settled without the card (providers keep charges findable by idempotency key).
   */
  findCharge(idempotencyKey: string): Promise<ChargeResult | null>;
}

export class IdempotencyConflict extends Error {
  override name = 'IdempotencyConflict';
}
