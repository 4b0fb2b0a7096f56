import { ops } from '../trpc.ts';
import { deadLettersInput, entityMessagesInput, replayInput, replaySelectedInput } from './sync.schemas.ts';
import {
  deadLetters,
  messagesOfEntity,
  replayDeadLetter,
  replaySelected,
  retriedMessages,
  syncMetrics,
  syncOverview,
} from './sync.service.ts';

export const syncRouter = ops.router({
  /** Backlog, dead letters and lag. */
  metrics: ops.allow('operator').query(({ ctx }) => syncMetrics(ctx.systemDb, ctx.now())),
  /** The metrics, the backlog per message kind, and the apply lag of each minute of the last hour. */
  overview: ops.allow('operator').query(({ ctx }) => syncOverview(ctx)),
  /** Messages being retried: attempts so far, the last error, the next attempt. */
  retries: ops.allow('operator').query(({ ctx }) => retriedMessages(ctx)),
  /** Messages given up on, newest first, with their payload and the error that stopped them, a page at a time. */
  deadLetters: ops
    .allow('operator')
    .input(deadLettersInput)
    .query(({ ctx, input }) => deadLetters(ctx, input)),
  /** Puts a dead letter back in line with fresh attempts, once its cause is fixed. */
  replay: ops
    .allow('operator')
    .input(replayInput)
    .mutation(({ ctx, input }) => replayDeadLetter(ctx, input)),
  /** Replays several dead letters, each once however often the request arrives. */
  replaySelected: ops
    .allow('operator')
    .input(replaySelectedInput)
    .mutation(({ ctx, input }) => replaySelected(ctx, input)),
  /** Every message of one entity (a launch, a booking …), any kind and status, oldest first. */
  messagesOf: ops
    .allow('operator')
    .input(entityMessagesInput)
    .query(({ ctx, input }) => messagesOfEntity(ctx, input)),
});
