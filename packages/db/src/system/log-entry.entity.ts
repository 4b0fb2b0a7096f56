import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { documentKey } from '../properties.ts';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

/** One structured log line of any service. Written in batches straight to the collection, not through the unit of work. */
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
