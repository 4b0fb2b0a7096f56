import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { logLevels } from '@astro/logging';
import { documentKey } from '../properties.ts';

/**
 * One log line of any service, as pino wrote it to stdout. Written in batches straight to the collection, not through
 * the unit of work.
 */
export const LogEntry = defineEntity({
  name: 'LogEntry',
  collection: 'logs',
  indexes: [{ properties: ['at'] }, { properties: ['correlationId'] }, { properties: ['service', 'level', 'at'] }],
  properties: {
    id: documentKey(),
    at: p.datetime(),
    level: p.enum(logLevels),
    service: p.string(),
    instance: p.string(),
    message: p.string(),
    correlationId: p.string().nullable(),
    requestId: p.string().nullable(),
    fields: p.json<Record<string, unknown>>().nullable(),
  },
});
export type LogEntry = InferEntity<typeof LogEntry>;
