/**
 * Every kind of sync message, by the name stored in its `kind`, with the schema of its payload. Producers build a
 * message with `syncMessageOf`, so the type checker holds each payload to its kind's schema; the sync job reads
 * each stored message with `readSyncMessage` before applying any of it.
 */
import { z } from 'zod';
import { bookingCancellationCommand } from './booking-cancel.ts';
import { bookingChanged } from './booking-changed.ts';
import { launchChanged } from './launch-changed.ts';

export const syncMessageContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catalogue.launch-changed'), payload: launchChanged }),
  z.object({ kind: z.literal('booking.changed'), payload: bookingChanged }),
  z.object({ kind: z.literal('booking.cancel'), payload: bookingCancellationCommand }),
  // The kinds the next issues add (finance's payment ledger, the back office's commands to the Customer DB) go
  // here, each with its payload's schema in a file of its own beside this one.
]);
export type SyncMessageContent = z.infer<typeof syncMessageContent>;

/** The kind names, one per schema above. */
export const syncMessageKinds = z.enum(syncMessageContent.options.map((option) => option.shape.kind.value));
export type SyncMessageKind = z.infer<typeof syncMessageKinds>;

export type SyncPayload<K extends SyncMessageKind> = Extract<SyncMessageContent, { kind: K }>['payload'];

/** A message's kind and payload as its producer writes them. */
export const syncMessageOf = <K extends SyncMessageKind>(kind: K, payload: SyncPayload<K>) => ({ kind, payload });

/**
 * A stored message read by its kind. A kind this code does not know is left to the caller (a newer version may
 * know it); a payload that does not fit its kind's schema is malformed, and the answer says what is wrong, field by
 * field. Dates come back as Dates however the store kept them.
 */
export function readSyncMessage(message: {
  kind: string;
  payload: unknown;
}): { content: SyncMessageContent } | { unknownKind: string } | { malformed: string } {
  if (!syncMessageKinds.safeParse(message.kind).success) return { unknownKind: message.kind };
  const read = syncMessageContent.safeParse(message);
  if (read.success) return { content: read.data };
  return {
    malformed: `This ${message.kind} message does not fit its schema, so none of it was applied:\n${z.prettifyError(read.error)}`,
  };
}
