/** The one translation of a log match into a System DB filter, shared by the search and the live tail. */
import { logLevels, type LogLevel } from '@astro/logging';
import { containing } from '../../text.ts';
import type { LogMatch } from './logs.schemas.ts';

/** A filter on the `logs` collection's fields (`message` by a case-insensitive, escaped pattern of the text). */
export interface LogFilter {
  level?: LogLevel | { $in: LogLevel[] };
  service?: string;
  message?: RegExp;
  correlationId?: string;
  requestId?: string;
}

/**
 * The lines a match selects. Equality on one value, not `$in`, wherever it can be: FerretDB answers only plain
 * top-level equalities in SQL (and from an index), and filters everything else itself.
 */
export function logQuery(match: LogMatch): LogFilter {
  // Every level, like none, is no filter at all.
  const levels = [...new Set(match.levels ?? [])];
  const byLevel = levels.length === 1 ? { level: levels[0]! } : { level: { $in: levels } };
  return {
    ...(levels.length > 0 && levels.length < logLevels.length ? byLevel : {}),
    ...(match.service ? { service: match.service } : {}),
    ...(match.correlationId ? { correlationId: match.correlationId } : {}),
    ...(match.requestId ? { requestId: match.requestId } : {}),
    ...(match.text ? { message: containing(match.text) } : {}),
  };
}
