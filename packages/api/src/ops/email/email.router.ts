import { ops } from '../trpc.ts';
import { resendInput } from './email.schemas.ts';
import { emailQueue, resendEmail } from './email.service.ts';

export const emailRouter = ops.router({
  /** The outbox at a glance: how many wait, went out or failed, and the latest failures with the server's answer. */
  queue: ops.allow('operator').query(({ ctx }) => emailQueue(ctx)),
  /** Sends an e-mail again: a failed one once its cause is fixed, or a sent one a person did not get. */
  resend: ops
    .allow('operator')
    .input(resendInput)
    .mutation(({ ctx, input }) => resendEmail(ctx, input)),
});
