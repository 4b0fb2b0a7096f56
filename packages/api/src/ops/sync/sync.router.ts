import { z } from 'zod';
import { SyncMessage, type MongoEntityManager } from '@astro/db/system';
import { TRPCError } from '../../trpc.ts';
import { ops } from '../trpc.ts';
import { syncMetrics } from './sync-metrics.ts';

export const syncRouter = ops.router({
  /** Backlog, dead letters and lag. */
  metrics: ops.allow('operator').query(({ ctx }) => syncMetrics(ctx.systemDb as MongoEntityManager, ctx.now())),
  /** Messages given up on, newest first, with the error that stopped them. */
  deadLetters: ops.allow('operator').query(async ({ ctx }) => {
    const dead = await ctx.systemDb.find(
      SyncMessage,
      { status: 'dead' },
      { orderBy: { createdAt: 'desc' }, limit: 100 },
    );
    return dead.map((message) => ({
      id: message.id,
      kind: message.kind,
      entityType: message.entityType,
      entityId: message.entityId,
      entityVersion: message.entityVersion,
      attempts: message.attempts,
      lastError: message.lastError,
      createdAt: message.createdAt.toISOString(),
    }));
  }),
  /** Puts a dead letter back in line with fresh attempts, once its cause is fixed. */
  replay: ops
    .allow('operator')
    .input(z.object({ messageId: z.uuid('This is not a sync message id.') }))
    .mutation(async ({ ctx, input }) => {
      const replayed = await ctx.systemDb.nativeUpdate(
        SyncMessage,
        { id: input.messageId, status: 'dead' },
        { status: 'pending', attempts: 0, availableAt: ctx.now(), lastError: null },
      );
      if (!replayed) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no dead letter with this id.' });
      ctx.log.info('Dead letter replayed', { messageId: input.messageId, by: ctx.viewer!.email });
      return { replayed: true };
    }),
});
