import type { Booking, CustomerEntityManager } from '@astro/db/customer';
import { holdMinutes } from '@astro/domain';
import { recentCopies } from '@astro/db/recent-copies';

/** What a booking is for, fixed when its hold is placed: whose it is, which launch, how many seats. */
export type HoldFacts = Pick<Booking, 'id' | 'customerId' | 'launchId' | 'seats'>;

/**
 * The facts of the holds this host placed, for as long as a hold lasts: they never change, so the steps that follow
 * (naming the passengers) need not read the booking to learn them. A step served by another host reads it.
 */
const holds = recentCopies<HoldFacts>(holdMinutes * 60_000);

export const keepHoldFacts = (em: CustomerEntityManager, facts: HoldFacts) => holds.keep(em, facts.id, facts);

/** The facts of a hold this host placed, if it still remembers them. */
export const holdFactsOf = (em: CustomerEntityManager, bookingId: string) =>
  holds.get(em, bookingId, () => Promise.resolve(null));
