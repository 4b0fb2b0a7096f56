/**
 * Applies sync messages to their targets (SPEC.md §5). A message is claimed before it is applied, so two
 * schedulers never apply the same one at once; a claim that outlives its scheduler expires and the message is
 * taken over. Appliers compare versions, so a message applied twice, or after a newer one, changes nothing.
 * Messages are claimed, applied and settled a batch at a time (`claims.ts`): a batch's entities are applied side
 * by side, each entity's messages in version order, and a version whose newer one in the batch carries all it would
 * do is settled as stale without touching its store (`carrierOf`).
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
import pLimit from 'p-limit';
import { claimBatches, dueAt, settleClaims } from '../../claims.ts';
import { unfenced, type Fence, type JobDefinition } from '../../scheduler.ts';
import { applyBookingToCopy } from './booking-copy.applier.ts';
import { applyLaunchToCatalogue } from './catalogue.applier.ts';

export type ApplyOutcome = 'applied' | 'stale' | { refused: string };

export const maxAttempts = 8;
/** How many messages one run claims at most. */
export const applyBatch = 500;
/**
 * Claimed, applied and settled at once; a claim must outlast its batch's applies (`claimMs`). Each claim and settle
 * is one write command, during which FerretDB lets no other write through, so a batch stays short.
 */
const claimBatch = 25;
/**
 * Entities whose messages a batch applies side by side: the stores' writes go one at a time anyway, but what an
 * apply spends on round trips and reads overlaps with the others'. Each takes a pooled connection of the
 * Operational DB (10) for its transaction.
 */
const entitiesAtOnce = 4;
/** How long a claim keeps other schedulers away; far longer than any one batch takes. */
export const claimMs = 60_000;
/** How long messages wait for a target that did not answer before they are tried again. */
const targetDownWaitMs = 5_000;
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
type ClaimedMessage = Omit<SyncMessage, 'id'> & { id: string };
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

type Settlement = { id: string; set: Record<string, unknown> };

/** A message's group: the versions of one entity, of one kind, which are applied in order. */
const groupOf = (message: Message) => `${message.kind}:${message.entityId}`;

/**
 * Which message of its group (sorted by version) carries what the one at `index` would do, so that only the carrier
 * needs applying. A launch's catalogue entry and every e-mail it owes follow from its newest version alone. A
 * booking's copy does too, but a change of its status has e-mails and launch updates of its own: a version is carried
 * only by newer ones of the same status. A command (a cancellation) carries only itself.
 */
function carrierOf(group: Message[], index: number): number {
  const kind = group[index]!.kind;
  if (kind === 'catalogue.launch-changed') return group.length - 1;
  if (kind !== 'booking.changed') return index;
  const status = group[index]!.payload['status'];
  let carrier = index;
  while (carrier + 1 < group.length && group[carrier + 1]!.payload['status'] === status) carrier++;
  return carrier;
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
  const applied = (message: Message): Settlement => ({
    id: message.id,
    set: {
      status: 'applied',
      appliedAt: clock(),
      appliedBy: instance,
      lastError: null,
      attempts: message.attempts + 1,
    },
  });
  /** Applies one message and says how it is settled; `outage` when its target did not answer. */
  const applyOne = async (message: ClaimedMessage): Promise<Settlement & { outage?: true }> => {
    const now = clock();
    try {
      const outcome = await applierFor(targets, message, now)();
      if (typeof outcome === 'object') {
        const lastError = 'refused' in outcome ? `Refused: ${outcome.refused}` : outcome.malformed;
        counts.dead++;
        tell(message, 'warn', 'Sync message dead-lettered', { lastError });
        return { id: message.id, set: { status: 'dead', lastError, attempts: message.attempts + 1 } };
      }
      counts[outcome]++;
      tell(message, 'info', outcome === 'applied' ? 'Sync message applied' : 'Sync message was stale; nothing changed');
      return applied(message);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      if (!(await targetReachable(targets, message))) {
        counts.waiting++;
        return {
          id: message.id,
          set: {
            availableAt: new Date(now.getTime() + targetDownWaitMs),
            lastError: `Target down: ${problem}`,
            attempts: message.attempts,
          },
          outage: true,
        };
      }
      const attempts = message.attempts + 1;
      const dead = attempts >= maxAttempts;
      counts[dead ? 'dead' : 'retried']++;
      tell(message, 'warn', dead ? 'Sync message dead-lettered' : 'Sync message failed; it is retried', {
        lastError: problem,
        attempts,
      });
      return {
        id: message.id,
        set: {
          status: dead ? 'dead' : 'pending',
          availableAt: new Date(now.getTime() + retryDelayMs(attempts)),
          lastError: problem,
          attempts,
        },
      };
    }
  };

  const messages = syncMessageCollection<SyncMessageDocument>(targets.system.em);
  const start = clock();
  const claims = claimBatches(messages, dueAt(start), {
    sort: { availableAt: 1, createdAt: 1 },
    limit,
    batch: claimBatch,
    holder: instance,
    claimMs,
    clock,
    fence,
  });
  for await (const claim of claims) {
    const settled = new Map<string, Settlement>();
    let outage = false;
    const groups = new Map<string, ClaimedMessage[]>();
    for (const { _id, ...stored } of claim.items) {
      const message = { ...stored, id: _id };
      groups.set(groupOf(message), [...(groups.get(groupOf(message)) ?? []), message]);
    }
    /** A group in version order: the carriers first, then what their carrier could not carry, on its own. */
    const applyGroup = async (group: ClaimedMessage[]) => {
      group.sort((a, b) => a.entityVersion - b.entityVersion);
      const carried = group.map((_, index) => carrierOf(group, index));
      for (const pass of ['carriers', 'carried'] as const)
        for (const [index, message] of group.entries()) {
          if (outage) return;
          const carrier = carried[index]!;
          if ((pass === 'carriers') !== (carrier === index)) continue;
          const carrierSettled = settled.get(group[carrier]!.id);
          if (pass === 'carried' && carrierSettled?.set['status'] === 'applied') {
            counts.stale++;
            tell(message, 'info', 'Sync message was stale; a newer version in its batch was applied');
            settled.set(message.id, applied(message));
            continue;
          }
          const settlement = await applyOne(message);
          settled.set(message.id, settlement);
          if (settlement.outage) outage = true;
        }
    };
    const inTurn = pLimit(entitiesAtOnce);
    await Promise.all([...groups.values()].map((group) => inTurn(() => applyGroup(group))));
    // A target that is down stops the batch: what was not tried waits for it with its attempts untouched.
    const now = clock();
    for (const group of groups.values())
      for (const message of group)
        if (!settled.has(message.id)) {
          counts.waiting++;
          settled.set(message.id, {
            id: message.id,
            set: { availableAt: new Date(now.getTime() + targetDownWaitMs), attempts: message.attempts },
          });
        }
    await settleClaims(messages, claim.token, [...settled.values()]);
    if (outage) break;
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
