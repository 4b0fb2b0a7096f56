import { TRPCError, initAudience } from '../trpc.ts';
import type { SupplierContext } from './context.ts';

export const supplier = initAudience<SupplierContext>();

/** Every supplier procedure acts for exactly one agency: the signed-in supplier's own. */
export const agencyProcedure = supplier.allow('supplier').use(({ ctx, next }) => {
  const agencyId = ctx.viewer?.agencyId;
  if (!agencyId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your supplier account is not linked to an agency yet.' });
  }
  return next({ ctx: { ...ctx, agencyId } });
});
