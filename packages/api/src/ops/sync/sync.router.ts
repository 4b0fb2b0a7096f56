import { ops } from '../trpc.ts';
import { replayInput } from './sync.schemas.ts';
import { deadLetters, replayDeadLetter, syncMetrics } from './sync.service.ts';

export const syncRouter = ops.router({
  /** Backlog, dead letters and lag. */
  metrics: ops.allow('operator').query(({ ctx }) => syncMetrics(ctx.systemDb, ctx.now())),
  /** Messages given up on, newest first, with the error that stopped them. */
  deadLetters: ops.allow('operator').query(({ ctx }) => deadLetters(ctx)),
  /** Puts a dead letter back in line with fresh attempts, once its cause is fixed. */
  replay: ops
    .allow('operator')
    .input(replayInput)
    .mutation(({ ctx, input }) => replayDeadLetter(ctx, input)),
});
