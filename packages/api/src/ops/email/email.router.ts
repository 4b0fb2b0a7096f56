import { ops } from '../trpc.ts';
import { emailInput, emailKinds, listEmailsInput } from './email.schemas.ts';
import { emailCounts, emailDetail, emailQueue, listEmails, resendEmail } from './email.service.ts';

export const emailRouter = ops.router({
  /** The outbox at a glance: how many wait, went out or failed, and the latest failures with the server's answer. */
  queue: ops.allow('operator').query(({ ctx }) => emailQueue(ctx)),
  /** How many e-mails wait, went out or failed, and every kind the list filters by. */
  counts: ops.allow('operator').query(async ({ ctx }) => ({ ...(await emailCounts(ctx.systemDb)), kinds: emailKinds })),
  /** The outbox newest first, by recipient, kind and status, a page at a time. */
  list: ops
    .allow('operator')
    .input(listEmailsInput)
    .query(({ ctx, input }) => listEmails(ctx, input)),
  /** One e-mail as its recipient sees it, with its attempts and the last error. */
  get: ops
    .allow('operator')
    .input(emailInput)
    .query(({ ctx, input }) => emailDetail(ctx, input)),
  /** Sends an e-mail again: a failed one once its cause is fixed, or a sent one a person did not get. */
  resend: ops
    .allow('operator')
    .input(emailInput)
    .mutation(({ ctx, input }) => resendEmail(ctx, input)),
});
