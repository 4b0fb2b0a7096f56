import { TRPCError, initAudience } from '../trpc.ts';
import type { SupplierContext } from './context.ts';

export const supplier = initAudience<SupplierContext>();

/** Every supplier procedure acts for exactly one agency. */
export const agencyProcedure = supplier.procedure.use(({ ctx, next }) => {
  if (!ctx.agencyId) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in with your agency account to see this page.' });
  }
  return next({ ctx: { ...ctx, agencyId: ctx.agencyId } });
});
