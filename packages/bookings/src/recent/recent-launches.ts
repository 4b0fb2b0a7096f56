import { CatalogueLaunch, type CustomerEntityManager } from '@astro/db/customer';
import { recentCopies } from '@astro/db/recent-copies';

/**
 * Five seconds, on top of the seconds the catalogue already lags the Operational DB (it is a copy the sync keeps):
 * the seat update itself checks status, cut-off, seats, sales paused and price (a hold refused for a price the copy
 * no longer has is tried again at the new one), and confirming seats checks the launch has neither flown nor been
 * aborted. What a copy alone decides is the passengers' age against a launch date moved in the last seconds, as a
 * date moved between naming the passengers and paying always could.
 */
const launches = recentCopies<CatalogueLaunch>(5_000);

/** The launch's catalogue entry as read in the last five seconds (the caller must not change it). */
export const recentLaunch = (em: CustomerEntityManager, launchId: string) =>
  launches.get(em, launchId, () => em.fork().findOne(CatalogueLaunch, launchId));

/** After a seat update refused what a recent copy promised: the next step reads the launch afresh. */
export const forgetLaunch = (em: CustomerEntityManager, launchId: string) => launches.forget(em, launchId);
