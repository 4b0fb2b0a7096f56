import { Email, recordOperatorAudit } from '@astro/db/system';
import { auditActorOf } from '../../access.ts';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext } from '../context.ts';
import type { ResendInput } from './email.schemas.ts';

export async function emailQueue(ctx: OpsContext) {
  const [pending, sent, failed, failures] = await Promise.all([
    ctx.systemDb.count(Email, { status: 'pending' }),
    ctx.systemDb.count(Email, { status: 'sent' }),
    ctx.systemDb.count(Email, { status: 'failed' }),
    ctx.systemDb.find(Email, { status: 'failed' }, { orderBy: { createdAt: 'desc' }, limit: 50 }),
  ]);
  return {
    pending,
    sent,
    failed,
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
