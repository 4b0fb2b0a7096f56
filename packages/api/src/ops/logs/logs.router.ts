import { ops } from '../trpc.ts';
import { logContextInput, logSearchInput, logVolumeInput } from './logs.schemas.ts';
import { logContext, logVolume, searchLogs } from './logs.service.ts';
import { tailProcedure } from './tail/tail.router.ts';

export const logsRouter = ops.router({
  /**
   * Lines of a time range, newest first, by level, service, text, correlation id or request id, a page at a time;
   * with a request or correlation id, every line of that request from every service.
   */
  search: ops
    .allow('operator')
    .input(logSearchInput)
    .query(({ ctx, input }) => searchLogs(ctx, input)),
  /** Lines per minute (or longer buckets for long ranges) by level, for some levels and a service. */
  volume: ops
    .allow('operator')
    .input(logVolumeInput)
    .query(({ ctx, input }) => logVolume(ctx, input)),
  /** The lines just before and after one line. */
  context: ops
    .allow('operator')
    .input(logContextInput)
    .query(({ ctx, input }) => logContext(ctx, input)),
  /** New lines of the same filters as they are written, over server-sent events, resumable from the last event. */
  tail: tailProcedure,
});
