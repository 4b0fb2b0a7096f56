/**
 * Applies sync messages to their targets (SPEC.md §5). A message is claimed before it is applied, so two
 * schedulers never apply the same one at once; a claim that outlives its scheduler expires and the message is
 * taken over. Appliers compare versions, so a message applied twice, or after a newer one, changes nothing.
 * A failure is retried with backoff and dead-lettered after `maxAttempts`; a target that is down does not use
 * up attempts: the batch stops and the messages wait for it. A command its target refuses (an employee
 * cancelling a booking whose launch has flown) is dead-lettered at once with the reason: retrying cannot help.
 * So is a message whose payload does not fit its kind's schema (`@astro/db/sync`), which is read whole before
 * anything of it is applied: the dead letter names each wrong field, and no store has changed.
 */
import { cancelOnEmployeeRequest } from '@astro/bookings';
import type { CustomerOrm } from '@astro/db/customer';
import type { OperationalOrm } from '@astro/db/operational';
import { syncMessageCollection, type SyncMessage, type SystemOrm } from '@astro/db/system';
import { readSyncMessage } from '@astro/db/sync';
import { currentCorrelation, withCorrelation, type Logger } from '@astro/logging';
import type { PaymentGateway } from '@astro/payments';
import { claimEach } from '../../claims.ts';
import { unfenced, type Fence, type JobDefinition } from '../../scheduler.ts';
import { applyBookingToCopy } from './booking-copy.applier.ts';
import { applyLaunchToCatalogue } from './catalogue.applier.ts';

export type ApplyOutcome = 'applied' | 'stale' | { refused: string };

export const maxAttempts = 8;
/** How many messages one run claims at most. */
export const applyBatch = 500;
/** How long a claim keeps other schedulers away; far longer than any one apply takes. */
export const claimMs = 60_000;
/** 2 s, 4 s, 8 s … up to 10 minutes between attempts. */
export const retryDelayMs = (attempts: number) => Math.min(10 * 60_000, 2_000 * 2 ** (attempts - 1));

export interface SyncTargets {
  system: SystemOrm;
  customer: CustomerOrm;
  operational: OperationalOrm;
  /** Commands to the Customer DB may refund (an employee cancelling a booking). */
  payments: PaymentGateway;
}

type Message = Pick<SyncMessage, 'id' | 'kind' | 'target' | 'entityId' | 'entityVersion' | 'payload' | 'attempts'>;
/** The stored shape: the message's id is the document's `_id`. */
type SyncMessageDocument = Omit<SyncMessage, 'id'> & { _id: string };

function applierFor(
  targets: SyncTargets,
  message: Message,
  now: Date,
): () => Promise<ApplyOutcome | { malformed: string }> {
  const read = readSyncMessage(message);
  if ('unknownKind' in read)
    return () => Promise.reject(new Error(`No applier for sync messages of kind "${read.unknownKind}"`));
  if ('malformed' in read) return () => Promise.resolve(read);
  const { content } = read;
  switch (content.kind) {
    case 'catalogue.launch-changed':
      return () =>
        applyLaunchToCatalogue(
          targets.customer.em.fork(),
          targets.system.em.fork(),
          content.payload,
          now,
          targets.operational,
        );
    case 'booking.changed':
      return () =>
        applyBookingToCopy(
          targets.operational,
          targets.system.em.fork(),
          { ...message, payload: content.payload },
          now,
        );
    case 'booking.cancel':
      return () =>
        cancelOnEmployeeRequest(targets.customer.em.fork(), targets.payments, message.entityId, content.payload, now);
  }
}

/** Whether a message's target answers at all: a failure while it does not is an outage, not the message's fault. */
async function targetReachable(targets: SyncTargets, message: Message): Promise<boolean> {
  try {
    if (message.target === 'customer') await targets.customer.em.getConnection().getDb().command({ ping: 1 });
    else await targets.operational.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

export async function applySyncMessages(
  targets: SyncTargets,
  instance: string,
  clock: () => Date,
  limit = applyBatch,
  fence: Fence = unfenced,
  log?: Logger,
): Promise<{ applied: number; stale: number; retried: number; dead: number; waiting: number }> {
  const counts = { applied: 0, stale: 0, retried: 0, dead: 0, waiting: 0 };
  const run = currentCorrelation()?.correlationId ?? null;
  // Said under the correlation id of the request that caused the message, so that one id finds the request's lines
  // and the line of its application; the run's own id goes in the fields.
  const tell = (
    message: Message & Pick<SyncMessage, 'correlationId'>,
    level: 'info' | 'warn',
    line: string,
    fields: Record<string, unknown> = {},
  ) =>
    log &&
    withCorrelation({ correlationId: message.correlationId ?? run ?? `sync:${message.id}`, requestId: null }, () =>
      log[level](line, { kind: message.kind, entityId: message.entityId, messageId: message.id, run, ...fields }),
    );
  const messages = syncMessageCollection<SyncMessageDocument>(targets.system.em);
  const settle = (message: Message, set: Record<string, unknown>, attempts: number) =>
    messages.updateOne(
      { _id: message.id as never, claimedBy: instance },
      { $set: { ...set, attempts, claimedBy: null, claimedUntil: null } },
    );

  const start = clock();
  const claims = claimEach(
    messages,
    {
      status: 'pending',
      availableAt: { $lte: start },
      $or: [{ claimedUntil: null }, { claimedUntil: { $lt: start } }],
    },
    {
      sort: { availableAt: 1, createdAt: 1 },
      limit,
      claim: () => ({ claimedBy: instance, claimedUntil: new Date(clock().getTime() + claimMs) }),
      fence,
    },
  );
  for await (const claimed of claims) {
    const now = clock();
    const message = { ...claimed, id: claimed._id };
    try {
      const outcome = await applierFor(targets, message, now)();
      if (typeof outcome === 'object') {
        const lastError = 'refused' in outcome ? `Refused: ${outcome.refused}` : outcome.malformed;
        await settle(message, { status: 'dead', lastError }, message.attempts + 1);
        counts.dead++;
        tell(message, 'warn', 'Sync message dead-lettered', { lastError });
        continue;
      }
      counts[outcome]++;
      await settle(
        message,
        { status: 'applied', appliedAt: clock(), appliedBy: instance, lastError: null },
        message.attempts + 1,
      );
      tell(message, 'info', outcome === 'applied' ? 'Sync message applied' : 'Sync message was stale; nothing changed');
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      if (!(await targetReachable(targets, message))) {
        await settle(
          message,
          { availableAt: new Date(now.getTime() + 5_000), lastError: `Target down: ${problem}` },
          message.attempts,
        );
        counts.waiting++;
        break;
      }
      const attempts = message.attempts + 1;
      const dead = attempts >= maxAttempts;
      await settle(
        message,
        {
          status: dead ? 'dead' : 'pending',
          availableAt: new Date(now.getTime() + retryDelayMs(attempts)),
          lastError: problem,
        },
        attempts,
      );
      counts[dead ? 'dead' : 'retried']++;
      tell(message, 'warn', dead ? 'Sync message dead-lettered' : 'Sync message failed; it is retried', {
        lastError: problem,
        attempts,
      });
    }
  }
  return counts;
}

export function syncApplyJob(targets: SyncTargets, instance: string): JobDefinition {
  return {
    name: 'sync-apply',
    description: 'Applies sync messages to the launch catalogue and the Operational DB copies',
    schedule: '* * * * * *',
    run: ({ log, now, fence }) => applySyncMessages(targets, instance, now, applyBatch, fence, log),
  };
}
