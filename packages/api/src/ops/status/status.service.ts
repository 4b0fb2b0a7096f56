import type { OpsContext } from '../context.ts';

export async function systemStatus(ctx: OpsContext) {
  return {
    checkedAt: ctx.now().toISOString(),
    components: await ctx.probeComponents(),
    mailViewUrl: ctx.mailViewUrl,
  };
}
