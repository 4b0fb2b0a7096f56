import { ops } from '../trpc.ts';

export const statusRouter = ops.router({
  get: ops.allow('operator').query(async ({ ctx }) => ({
    checkedAt: ctx.now().toISOString(),
    components: await ctx.probeComponents(),
    mailViewUrl: ctx.mailViewUrl,
  })),
});
