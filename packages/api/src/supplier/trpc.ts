import { Agency } from '@astro/db/operational';
import { agencySuspendedMessage } from '@astro/domain';
import { TRPCError, initAudience } from '../trpc.ts';
import type { SupplierContext } from './context.ts';

export const supplier = initAudience<SupplierContext>();

/**
 * Every supplier procedure acts for exactly one agency: the signed-in supplier's own. While that agency is suspended,
 * every change is refused here, the one place every supplier mutation passes.
 */
export const agencyProcedure = supplier.allow('supplier').use(async ({ ctx, type, next }) => {
  const agencyId = ctx.viewer?.agencyId;
  if (!agencyId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your supplier account is not linked to an agency yet.' });
  }
  if (type === 'mutation') {
    // A fork of its own, so the procedure's own reads of the agency are not answered with this partial one.
    const agency = await ctx.operationalDb.fork().findOne(Agency, agencyId, { fields: ['status'] });
    if (agency?.status === 'suspended') throw new TRPCError({ code: 'FORBIDDEN', message: agencySuspendedMessage });
  }
  return next({ ctx: { ...ctx, agencyId } });
});
