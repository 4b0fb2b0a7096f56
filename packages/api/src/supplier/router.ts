import { signedInAs } from '../access.ts';
import { agencyRouter } from './agency/agency.router.ts';
import { invoicesRouter, statementsRouter } from './invoices/invoices.router.ts';
import { launchesRouter } from './launches/launches.router.ts';
import { rocketsRouter } from './rockets/rockets.router.ts';
import { supplier } from './trpc.ts';

export const supplierRouter = supplier.router({
  /** Who is signed in to this app, or null. */
  me: supplier.public.query(({ ctx }) => signedInAs(ctx.viewer)),
  agency: agencyRouter,
  rockets: rocketsRouter,
  launches: launchesRouter,
  invoices: invoicesRouter,
  statements: statementsRouter,
});
export type SupplierRouter = typeof supplierRouter;
