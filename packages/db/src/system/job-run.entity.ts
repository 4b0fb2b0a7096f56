import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

export const jobOutcomes = ['running', 'succeeded', 'failed'] as const;
export type JobOutcome = (typeof jobOutcomes)[number];

/** One run of a scheduled job on one scheduler instance. */
export const JobRun = defineEntity({
  name: 'JobRun',
  collection: 'job_runs',
  indexes: [{ properties: ['job', 'startedAt'] }],
  properties: {
    id: documentKey(),
    job: p.string(),
    instance: p.string(),
    trigger: p.enum(['schedule', 'manual'] as const),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    durationMs: p.integer().nullable(),
    outcome: p.enum(jobOutcomes),
    counts: p.json<Record<string, number>>().nullable(),
    error: p.text().nullable(),
  },
});
export type JobRun = InferEntity<typeof JobRun>;
