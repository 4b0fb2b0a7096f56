import { rocketsRouter } from './rockets/rockets.router.ts';
import { supplier } from './trpc.ts';

export const supplierRouter = supplier.router({
  rockets: rocketsRouter,
});
export type SupplierRouter = typeof supplierRouter;
