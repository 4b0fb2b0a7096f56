import { Email, recordOperatorAudit, type SystemEntityManager } from '@astro/db/system';
import { auditActorOf } from '../../access.ts';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext } from '../context.ts';
import type { ResendInput } from './email.schemas.ts';

/** How many e-mails wait, went out or failed. */
export async function emailCounts(em: SystemEntityManager) {
  const [pending, sent, failed] = await Promise.all([
    em.count(Email, { status: 'pending' }),
    em.count(Email, { status: 'sent' }),
    em.count(Email, { status: 'failed' }),
  ]);
  return { pending, sent, failed };
}

export async function emailQueue(ctx: OpsContext) {
  const [counts, failures] = await Promise.all([
    emailCounts(ctx.systemDb),
    ctx.systemDb.find(Email, { status: 'failed' }, { orderBy: { createdAt: 'desc' }, limit: 50 }),
  ]);
  return {
    ...counts,
    failures: failures.map((email) => ({
      id: email.id,
      event: email.event,
      recipient: email.recipient,
      attempts: email.attempts,
      lastError: email.lastError,
      createdAt: email.createdAt.toISOString(),
    })),
  };
}

export async function resendEmail(ctx: OpsContext, input: ResendInput) {
  const notFound = () =>
    new TRPCError({ code: 'NOT_FOUND', message: 'There is no sent or failed e-mail with this id.' });
  const email = await ctx.systemDb.findOne(Email, { id: input.emailId, status: { $in: ['failed', 'sent'] } });
  if (!email) throw notFound();
  // Only from the state just read, so the entry's "before" is what the operator acted on.
  const queued = await ctx.systemDb.nativeUpdate(
    Email,
    { id: email.id, status: email.status },
    {
      status: 'pending',
      attempts: 0,
      availableAt: ctx.now(),
      lastError: null,
      claimedBy: null,
      claimedUntil: null,
    },
  );
  if (!queued) throw notFound();
  await recordOperatorAudit(
    ctx.systemDb,
    {
      actor: auditActorOf(ctx.viewer!),
      action: 'email.resend',
      target: { type: 'email', id: email.id },
      before: { status: email.status, attempts: email.attempts, lastError: email.lastError },
      after: { status: 'pending', attempts: 0, lastError: null },
    },
    ctx.now(),
  );
  ctx.log.info('E-mail queued again', { emailId: input.emailId, by: ctx.viewer!.email });
  return { queued: true };
}
