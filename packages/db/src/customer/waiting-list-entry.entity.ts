import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

export const waitingStatuses = ['waiting', 'offered'] as const;

/**
 * A customer in line for a sold-out launch. Order is by `joinedAt` (then id); leaving removes the entry.
 * When seats come back, the sync jobs give the first in line a priority hold and mark the entry `offered`.
 */
export const WaitingListEntry = defineEntity({
  name: 'WaitingListEntry',
  collection: 'waiting_list',
  indexes: [{ properties: ['launchId', 'joinedAt'] }],
  uniques: [{ properties: ['launchId', 'customerId'] }],
  properties: {
    id: documentKey(),
    launchId: p.uuid(),
    customerId: p.uuid(),
    /** How many seats they would like. */
    seats: p.integer(),
    status: p.enum(waitingStatuses).default('waiting'),
    joinedAt: p.datetime(),
    /** The priority hold made for them when seats came back. */
    bookingId: p.uuid().nullable(),
  },
});
export type WaitingListEntry = InferEntity<typeof WaitingListEntry>;
