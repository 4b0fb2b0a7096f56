import { z } from 'zod';

export const replayInput = z.object({ messageId: z.uuid('This is not a sync message id.') });
export type ReplayInput = z.infer<typeof replayInput>;

export interface SyncMetrics {
  /** Messages not yet applied (pending), and those given up on (dead). */
  backlog: number;
  dead: number;
  /** Age in ms of the oldest message still waiting; 0 when none waits. */
  oldestPendingMs: number;
  /** Time from recording to applying, over the most recent applied messages. */
  applyLagMs: { p50: number; p99: number; sample: number };
}
