import { ops } from '../trpc.ts';
import { statusHistoryInput } from './status.schemas.ts';
import { statusHistory, systemStatus } from './status.service.ts';

export const statusRouter = ops.router({
  get: ops.allow('operator').query(({ ctx }) => systemStatus(ctx)),
  /** Each component's latency and up/down over a range, from the checks the Job Scheduler keeps. */
  history: ops
    .allow('operator')
    .input(statusHistoryInput)
    .query(({ ctx, input }) => statusHistory(ctx, input)),
});
