import { z } from 'zod';
import type { SyncMessage, syncMessageStatuses } from '@astro/db/system';
import { timeIdCursor } from '../../cursor.ts';
import { text } from '../../text.ts';

const messageId = z.uuid('This is not a sync message id.');

export const replayInput = z.object({ messageId });
export type ReplayInput = z.infer<typeof replayInput>;

/** How many dead letters one "Replay selected" may name: a page of them. */
const replaySelectionLimit = 100;

export const replaySelectedInput = z.object({
  messageIds: z
    .array(messageId)
    .min(1, 'Select at least one dead letter to replay.')
    .max(replaySelectionLimit, `Replay at most ${replaySelectionLimit} dead letters at once.`),
});
export type ReplaySelectedInput = z.infer<typeof replaySelectedInput>;

export const deadLettersInput = z
  .object({
    limit: z.int().min(1).max(100).default(25),
    /** The previous page's `nextCursor`: the dead letters recorded before it. Absent for the newest. */
    cursor: timeIdCursor('This is not a page of the dead letters.').optional(),
  })
  .default({ limit: 25 });
export type DeadLettersInput = z.input<typeof deadLettersInput>;
export type DeadLettersQuery = z.output<typeof deadLettersInput>;

export const entityMessagesInput = z.object({
  entityId: text({ max: 100, tooLong: 'This is not an entity id: it is too long.' })
    .trim()
    .min(1, 'Give the id of a launch, a booking or another entity.'),
});
export type EntityMessagesInput = z.infer<typeof entityMessagesInput>;

export interface SyncMetrics {
  /** Messages not yet applied (pending), and those given up on (dead). */
  backlog: number;
  dead: number;
  /** Age in ms of the oldest message still waiting; 0 when none waits. */
  oldestPendingMs: number;
  /** Time from recording to applying, over the most recent applied messages. */
  applyLagMs: { p50: number; p99: number; sample: number };
}

/** One minute of the lag chart: the messages applied in it, and their lag (applied time − recorded time). */
export interface LagMinute {
  /** ISO 8601, the minute's start. */
  minute: string;
  /** Null when the minute was not read: more messages were applied in the hour than the chart reads. */
  applied: number | null;
  /** Null when nothing was applied in the minute (or it was not read). */
  p50Ms: number | null;
  p99Ms: number | null;
}

/** A sync message as the ops page lists it: the stored one, with its times as ISO 8601. */
export type SyncMessageRow = Pick<
  SyncMessage,
  'id' | 'kind' | 'source' | 'target' | 'entityType' | 'entityId' | 'entityVersion'
> & {
  // Not picked: the entity's defaulted properties carry MikroORM's `Opt` brand, which the pages cannot index by.
  status: (typeof syncMessageStatuses)[number];
  attempts: number;
  lastError: string | null;
  /** When it was recorded, when it is next tried (pending), when it was applied. */
  createdAt: string;
  availableAt: string;
  appliedAt: string | null;
};

export type DeadLetter = SyncMessageRow & { payload: Record<string, unknown> };
