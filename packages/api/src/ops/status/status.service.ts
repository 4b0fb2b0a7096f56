import { StatusSample } from '@astro/db/system';
import type { OpsContext } from '../context.ts';
import { latencySummary } from './latency-summary.ts';
import { components, historyMaxHours, type StatusHistoryInput } from './status.schemas.ts';

export async function systemStatus(ctx: OpsContext) {
  return {
    checkedAt: ctx.now().toISOString(),
    components: await ctx.probeComponents(),
    mailViewUrl: ctx.mailViewUrl,
  };
}

/** A check every 30 s for the longest range one call may ask for, and a margin for a second scheduler's checks. */
const maxSamples = 2 * historyMaxHours * 120;

/** Each component's checks over a range (oldest first), as the Job Scheduler took them, with their summary. */
export async function statusHistory(ctx: OpsContext, input: StatusHistoryInput) {
  const to = input ? new Date(input.to) : ctx.now();
  const from = input ? new Date(input.from) : new Date(to.getTime() - 3_600_000);
  const samples = await ctx.systemDb.find(
    StatusSample,
    { at: { $gte: from, $lte: to } },
    { orderBy: { at: 'asc' }, limit: maxSamples },
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    components: components.map((component) => {
      const checks = samples.flatMap((sample) =>
        sample.components
          .filter((checked) => checked.component === component)
          .map(({ up, latencyMs, problem }) => ({ at: sample.at.toISOString(), up, latencyMs, problem })),
      );
      return { component, checks, summary: latencySummary(checks) };
    }),
  };
}
