import { Email, recordOperatorAudit, type SystemEntityManager } from '@astro/db/system';
import { allowed, unavailable, type Availability } from '@astro/domain';
import { renderTemplate } from '@astro/mail';
import { auditActorOf } from '../../access.ts';
import { cursorAt, olderThanCursor } from '../../cursor.ts';
import { containing } from '../../text.ts';
import { TRPCError } from '../../trpc.ts';
import type { OpsContext } from '../context.ts';
import type { EmailInput, EmailPage, EmailRow, EmailStatus, EmailView, ListEmailsQuery } from './email.schemas.ts';

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

const rowOf = (email: Email): EmailRow => ({
  id: email.id,
  kind: email.template,
  recipient: email.recipient,
  status: email.status,
  attempts: email.attempts,
  createdAt: email.createdAt.toISOString(),
  sentAt: email.sentAt?.toISOString() ?? null,
});

/**
 * The outbox newest first, filtered, a page at a time. The cursor is the last row's time and id, so a page never
 * repeats or skips an e-mail however many are queued meanwhile (they are newer than the first page).
 */
export async function listEmails(ctx: OpsContext, query: ListEmailsQuery): Promise<EmailPage> {
  const emails = await ctx.systemDb.find(
    Email,
    {
      ...(query.recipient ? { recipient: containing(query.recipient) } : {}),
      ...(query.kind ? { template: query.kind } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...olderThanCursor('createdAt', query.cursor),
    },
    // One more than a page: whether it comes back says if there is a next page.
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: query.limit + 1 },
  );
  const page = emails.slice(0, query.limit);
  return {
    emails: page.map(rowOf),
    nextCursor: emails.length > query.limit ? cursorAt(page.at(-1)!.createdAt, page.at(-1)!.id) : null,
  };
}

const resendOf = (status: EmailStatus): Availability =>
  status === 'pending'
    ? unavailable('It has not been sent yet: the sender delivers it, and tries again by itself after a failure.')
    : allowed;

/** One e-mail with the subject, HTML and text the sender sends (the same templates, the same links). */
export async function emailDetail(ctx: OpsContext, input: EmailInput): Promise<EmailView> {
  const email = await ctx.systemDb.findOne(Email, input.emailId);
  if (!email) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no e-mail with this id.' });
  let message: EmailView['message'] = null;
  let renderProblem: string | null = null;
  try {
    message = renderTemplate(email.template, email.templateData, ctx.publicUrl);
  } catch (error) {
    // Data the template cannot read is what the sender would fail on too: say so rather than fail the page.
    renderProblem = `This e-mail cannot be rendered: ${(error as Error).message}`;
  }
  return {
    ...rowOf(email),
    event: email.event,
    lastError: email.lastError ?? null,
    availableAt: email.availableAt.toISOString(),
    smtpMessageId: email.smtpMessageId ?? null,
    message,
    renderProblem,
    resend: resendOf(email.status),
  };
}

export async function resendEmail(ctx: OpsContext, input: EmailInput) {
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
