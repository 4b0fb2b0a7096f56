import { CatalogueLaunch, type CustomerEntityManager } from '@astro/db/customer';
import { recentCopies } from '@astro/db/recent-copies';

/**
 * A second, on top of the seconds the catalogue already lags the Operational DB: the seat update itself checks
 * status, cut-off, seats, sales paused and price, and confirming seats checks the launch has not ended.
 */
const launches = recentCopies<CatalogueLaunch>(1_000);

/** The launch's catalogue entry as read in the last second (the caller must not change it). */
export const recentLaunch = (em: CustomerEntityManager, launchId: string) =>
  launches.get(em, launchId, () => em.fork().findOne(CatalogueLaunch, launchId));

/** After a seat update refused what a recent copy promised: the next step reads the launch afresh. */
export const forgetLaunch = (em: CustomerEntityManager, launchId: string) => launches.forget(em, launchId);
