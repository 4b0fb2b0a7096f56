import { describe, expect, it } from 'vitest';
import { changeBooking, type CustomerEntityManager, type CustomerOrm } from './customer/index.ts';
import { queueEmail, systemLogSink, type SystemEntityManager, type SystemOrm } from './system/index.ts';

describe('the two Mongo stores', () => {
  it('are two types: the type check refuses either one where the other belongs', () => {
    // Never run: `pnpm run typecheck` fails when a line marked @ts-expect-error compiles.
    const mixUps = (
      customer: CustomerOrm,
      system: SystemOrm,
      customerDb: CustomerEntityManager,
      systemDb: SystemEntityManager,
    ) => [
      // @ts-expect-error The System DB holds no bookings.
      changeBooking(systemDb, { _id: 'booking' }, {}, new Date()),
      // @ts-expect-error The Customer DB holds no e-mail outbox.
      queueEmail(customerDb, { dedupeKey: 'k', event: 'e', recipient: 'r', template: 't', data: {} }, new Date()),
      // @ts-expect-error The logs go to the System DB.
      systemLogSink(customer),
      // A fork is still its own store's.
      changeBooking(customer.em.fork(), { _id: 'booking' }, {}, new Date()),
      queueEmail(system.em.fork(), { dedupeKey: 'k', event: 'e', recipient: 'r', template: 't', data: {} }, new Date()),
    ];
    expect(mixUps).toBeTypeOf('function');
  });
});
