/**
 * The web benchmark's yardsticks (scripts/bench/web), mounted at /bench only when `BENCH_WEB_DIR` is set: the
 * pages it saved, served as static files by this same host, and the catalogue that tRPC's `catalogue.list`
 * answers, from a bare Express route over the same service, so each figure has its limit in the same run.
 */
import express, { type Router } from 'express';
import { listCatalogueInput, listUpcomingLaunches } from '@astro/api';
import type { CustomerOrm } from '@astro/db/customer';

export function benchRoutes(folder: string, customer: CustomerOrm): Router {
  const router = express.Router();
  router.use('/static', express.static(folder, { index: false, redirect: false }));
  router.get('/catalogue', async (_req, res) => {
    const reader = { customerDb: customer.em.fork(), now: () => new Date() };
    res.json(await listUpcomingLaunches(reader, listCatalogueInput.parse(undefined)));
  });
  return router;
}
