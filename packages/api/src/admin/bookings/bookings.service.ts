/**
 * Employees act on bookings, which the Customer DB owns: a cancellation is a command that travels to the owner
 * through the Operational DB's outbox like any sync message (SPEC.md §5), written in the same transaction as its
 * audit entry and nothing else, so it is recorded exactly when the employee is told it was.
 */
import { BookingCopy, LaunchStatusChange, recordAudit, SyncOutboxMessage } from '@astro/db/operational';
import { syncMessageOf } from '@astro/db/sync';
import { cancellationTerms, overrideProblem } from '@astro/domain';
import { currentCorrelation } from '@astro/logging';
import { auditActorOf } from '../../access.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import type { CancelBookingInput } from './bookings.schemas.ts';

export async function requestCancellation(ctx: AdminContext, input: CancelBookingInput) {
  const viewer = ctx.viewer!;
  if (input.refundCents !== null && !viewer.roles.some((role) => role === 'finance' || role === 'admin'))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only finance or an admin may set the refund.' });
  return ctx.operationalDb.transactional(async (em) => {
    const copy = await em.findOne(BookingCopy, input.bookingId, { populate: ['launch'] });
    if (!copy) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no booking with this reference.' });
    if (copy.status !== 'confirmed')
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `This booking is ${copy.status}; only a confirmed one can be cancelled.`,
      });
    // What the traveler paid and has not had back, as the booking copy records it.
    const paidCents = copy.paidCents - copy.refundedCents;
    // Refused here when the Operational DB already knows; the Customer DB judges again when the command lands.
    const history = await em.find(LaunchStatusChange, { launch: copy.launch.id }, { orderBy: { changedAt: 'asc' } });
    const terms = cancellationTerms({
      paidCents,
      bookedAt: copy.bookedAt,
      launch: {
        ...copy.launch,
        statusHistory: history.map((change) => ({ status: change.toStatus, at: change.changedAt })),
      },
      now: ctx.now(),
    });
    if (!terms.cancellable) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: terms.because });
    if (input.refundCents !== null) {
      const problem = overrideProblem(input.refundCents, paidCents);
      if (problem) fieldProblems({ refundCents: problem });
    }
    recordAudit(
      em,
      {
        actor: auditActorOf(viewer),
        action: 'booking.cancel',
        target: { type: 'booking', id: copy.id },
        // What was asked: the booking follows once the Customer DB has cancelled it (it may refund less than asked
        // when less is left to refund).
        before: { status: copy.status },
        after: {
          status: 'cancellation requested',
          refundCents: input.refundCents ?? terms.quote.refundCents,
          refundSetByEmployee: input.refundCents !== null,
        },
        reason: input.reason,
      },
      ctx.now(),
    );
    em.create(SyncOutboxMessage, {
      id: crypto.randomUUID(),
      ...syncMessageOf('booking.cancel', {
        reason: input.reason,
        refundCents: input.refundCents,
        requestedBy: viewer.email,
      }),
      target: 'customer',
      entityType: 'booking',
      entityId: copy.id,
      // A command is not a version of the booking; it applies to whatever version the owner holds.
      entityVersion: 0,
      correlationId: currentCorrelation()?.correlationId ?? null,
      relayedAt: null,
    });
    ctx.log.info('Booking cancellation requested', { bookingId: copy.id, by: viewer.email });
    return { requested: true };
  });
}
