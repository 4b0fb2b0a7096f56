import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The sandbox payment provider's own ledger: one record per idempotency key with the request it answered
 * and the answer, so a repeated call (even from another host, even at the same moment) gets the same answer.
 * A real provider keeps this on its side; nothing else reads it.
 */
export const SandboxPayment = defineEntity({
  name: 'SandboxPayment',
  collection: 'sandbox_payments',
  properties: {
    /** `charge:<key>` or `refund:<key>` */
    id: p.string().primary().fieldName('_id'),
    request: p.json<Record<string, unknown>>(),
    result: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
  },
});
export type SandboxPayment = InferEntity<typeof SandboxPayment>;
