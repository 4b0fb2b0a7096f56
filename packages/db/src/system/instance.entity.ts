import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const instanceKinds = ['host', 'jobs'] as const;
export type InstanceKind = (typeof instanceKinds)[number];

/**
 * A running host or Job Scheduler process, as its last heartbeat described it. One that stopped writing
 * heartbeats died or was stopped; operators see it as gone.
 */
export const Instance = defineEntity({
  name: 'Instance',
  collection: 'instances',
  indexes: [{ properties: ['heartbeatAt'] }],
  properties: {
    /** `<hostname>:<pid>`, the name the process's logs and job runs carry. */
    name: p.string().primary().fieldName('_id'),
    /** `host` serves the apps (and runs the jobs too unless `JOBS=off`); `jobs` runs only the Job Scheduler. */
    kind: p.enum(instanceKinds),
    version: p.string(),
    startedAt: p.datetime(),
    heartbeatAt: p.datetime(),
    /** The jobs whose lease it held at its last heartbeat. */
    leases: p.array().$type<string[]>(),
  },
});
export type Instance = InferEntity<typeof Instance>;
