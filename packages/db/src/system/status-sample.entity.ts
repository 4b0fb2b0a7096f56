import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

/** How one component answered one check: its latency when it was up, why not when it was down. */
export interface ComponentSample {
  component: string;
  up: boolean;
  latencyMs: number | null;
  problem: string | null;
}

/**
 * One check of every component the system depends on (each database and the SMTP server), taken by the Job
 * Scheduler every 30 s, for the ops dashboard's latency history. One document per check keeps an hour at 120
 * documents; the retention job deletes checks older than `retention.days` (FerretDB has no TTL indexes).
 */
export const StatusSample = defineEntity({
  name: 'StatusSample',
  collection: 'status_samples',
  indexes: [{ properties: ['at'] }],
  properties: {
    id: documentKey(),
    at: p.datetime(),
    /** The scheduler instance that took the check: latency is as seen from there. */
    instance: p.string(),
    components: p.json<ComponentSample[]>(),
  },
});
export type StatusSample = InferEntity<typeof StatusSample>;
