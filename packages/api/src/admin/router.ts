import { agenciesRouter } from './agencies/agencies.router.ts';
import { admin } from './trpc.ts';

export const adminRouter = admin.router({
  agencies: agenciesRouter,
});
export type AdminRouter = typeof adminRouter;
