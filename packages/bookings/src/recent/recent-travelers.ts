import type { Customer, CustomerEntityManager } from '@astro/db/customer';
import { travelerOf, type TravelerAccount } from '../travelers/traveler.ts';
import { recentCopies } from '@astro/db/recent-copies';

/**
 * Ten seconds: the booking steps use only the profile's id (which never changes) and the VIP flag (a seat limit
 * of 6 instead of 4, which then reaches a host's holds within ten seconds of being granted or taken away).
 */
const travelers = recentCopies<Customer>(10_000);

/** The signed-in traveler's profile for the booking steps, read at most every ten seconds per host. */
export const recentTraveler = (customerDb: CustomerEntityManager, account: TravelerAccount, now: Date) =>
  travelers.get(customerDb, account.userId, () => travelerOf(customerDb.fork(), account, now)) as Promise<Customer>;
