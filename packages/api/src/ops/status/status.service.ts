import { StatusSample, statusSampleBucketFilters, statusSampleSteps, type StatusSampleStep } from '@astro/db/system';
import { timeRangeOf } from '@astro/domain';
import type { OpsContext } from '../context.ts';
import { latencySummary } from './latency-summary.ts';
import { components, type StatusHistoryInput } from './status.schemas.ts';

export async function systemStatus(ctx: OpsContext) {
  return {
    checkedAt: ctx.now().toISOString(),
    components: await ctx.probeComponents(),
    mailViewUrl: ctx.mailViewUrl,
  };
}

/** At most this many checks per component are read for one range, whatever its length. */
export const historyMaxChecks = 720;

/** The finest series of checks (every 30 s, 5 min or hour) that covers the range in at most `historyMaxChecks`. */
export function historyStepFor(from: Date, to: Date): StatusSampleStep {
  const seconds = (to.getTime() - from.getTime()) / 1000;
  return statusSampleSteps.find((step) => seconds / step <= historyMaxChecks) ?? statusSampleSteps.at(-1)!;
}

/** Each component's checks over a range (oldest first), as the Job Scheduler took them, with their summary. */
export async function statusHistory(ctx: OpsContext, input: StatusHistoryInput) {
  const asked = timeRangeOf(input ?? {}, ctx.now());
  const { from, to } = asked;
  const everySeconds = historyStepFor(from, to);
  // One equality query per bucket (a few at most), then the range's own ends.
  const buckets = await Promise.all(
    statusSampleBucketFilters(everySeconds, from, to).map((bucket) =>
      ctx.systemDb.find(StatusSample, bucket, { orderBy: { at: 'asc' } }),
    ),
  );
  const samples = buckets.flat().filter((sample) => sample.at >= from && sample.at <= to);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    range: asked.range,
    /** Why the range asked for was not used (the last hour is shown), or null. */
    problem: asked.problem,
    everySeconds,
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
