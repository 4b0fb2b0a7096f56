/**
 * Delivers the e-mail outbox over SMTP (SPEC.md §7). An e-mail is claimed before it is sent, so two senders
 * never send the same one; the outbox's dedupe key already made each event and recipient one e-mail. A
 * temporary refusal (4xx, or no server) is retried with backoff; a permanent one (5xx) ends as failed with
 * the server's answer, which an operator can resend.
 */
import { emailOutboxCollection, type Email, type SystemOrm } from '@astro/db/system';
import type { Filter } from 'mongodb';
import { renderTemplate, type Transporter } from '@astro/mail';
import { claimEach } from '../claims.ts';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';

export const maxEmailAttempts = 10;
/** How many e-mails one run claims at most. */
export const sendBatch = 200;
const claimMs = 2 * 60_000;
/** 30 s, 1 min, 2 min … up to an hour. */
const retryDelayMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));

export interface SenderDeps {
  system: SystemOrm;
  transport: Transporter;
  publicUrl: string;
  from: string;
  instance: string;
}

type Claimed = Pick<Email, 'id' | 'recipient' | 'template' | 'templateData' | 'attempts'>;
type EmailDocument = Omit<Email, 'id'> & { _id: string };

export async function sendPendingEmails(
  deps: SenderDeps,
  clock: () => Date,
  limit = sendBatch,
  fence: Fence = unfenced,
) {
  const counts = { sent: 0, retried: 0, failed: 0 };
  const outbox = emailOutboxCollection<EmailDocument>(deps.system.em);
  const settle = (email: Claimed, set: Record<string, unknown>) =>
    outbox.updateOne(
      { _id: email.id as never, claimedBy: deps.instance },
      { $set: { ...set, attempts: email.attempts + 1, claimedBy: null, claimedUntil: null } },
    );
  const due = (): Filter<EmailDocument> => {
    const now = clock();
    return {
      status: 'pending',
      availableAt: { $lte: now },
      $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
    };
  };
  const claims = claimEach(outbox, due(), {
    sort: { availableAt: 1 },
    limit,
    claim: () => ({ claimedBy: deps.instance, claimedUntil: new Date(clock().getTime() + claimMs) }),
    fence,
  });
  for await (const document of claims) {
    const now = clock();
    const { _id, ...stored } = document;
    const email: Claimed = { ...stored, id: _id };
    try {
      const rendered = renderTemplate(email.template, email.templateData, deps.publicUrl);
      const info = (await deps.transport.sendMail({
        from: deps.from,
        to: email.recipient,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        // Stable per outbox entry, so a receiving system can spot a copy.
        messageId: `<${email.id}@astro-bookings.local>`,
      })) as { messageId: string };
      await settle(email, { status: 'sent', smtpMessageId: info.messageId, sentAt: clock(), lastError: null });
      counts.sent++;
    } catch (error) {
      const { responseCode, response, message } = error as {
        responseCode?: number;
        response?: string;
        message: string;
      };
      const permanent = (responseCode !== undefined && responseCode >= 500) || email.attempts + 1 >= maxEmailAttempts;
      const reason = response ?? message;
      await settle(
        email,
        permanent
          ? { status: 'failed', lastError: reason }
          : { availableAt: new Date(now.getTime() + retryDelayMs(email.attempts + 1)), lastError: reason },
      );
      counts[permanent ? 'failed' : 'retried']++;
    }
  }
  return counts;
}

export function emailSenderJob(deps: SenderDeps): JobDefinition {
  return {
    name: 'email-sender',
    description: 'Sends the e-mail outbox over SMTP',
    schedule: '*/5 * * * * *',
    run: ({ now, fence }) => sendPendingEmails(deps, now, sendBatch, fence),
  };
}
