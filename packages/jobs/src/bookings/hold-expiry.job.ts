import { expireLapsedHolds, type CustomerOrm } from '@astro/db/customer';
import type { MongoEntityManager } from '@astro/db/system';
import type { JobDefinition } from '../scheduler.ts';

/** Gives the seats of lapsed holds back so others can book them (SPEC.md §3: holds last 10 minutes). */
export function holdExpiryJob(customer: CustomerOrm): JobDefinition {
  return {
    name: 'hold-expiry',
    description: 'Expires lapsed seat holds and gives their seats back',
    schedule: '*/15 * * * * *',
    run: ({ now }) => expireLapsedHolds(customer.em.fork() as MongoEntityManager, now()),
  };
}
