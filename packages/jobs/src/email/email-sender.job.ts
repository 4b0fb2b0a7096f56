/**
 * Delivers the e-mail outbox over SMTP (SPEC.md §7). An e-mail is claimed before it is sent, so two senders
 * never send the same one; the outbox's dedupe key already made each event and recipient one e-mail. A run claims
 * its e-mails a batch at a time, sends them side by side over the pooled transport and settles them in one bulk write;
 * a sender that dies in between leaves them claimed until the claim lapses, and then they are sent again (under
 * the same Message-ID). A temporary refusal (4xx, or no server) is retried with backoff; a permanent one (5xx) ends
 * as failed with the server's answer, which an operator can resend.
 */
import { emailOutboxCollection, type Email, type SystemOrm } from '@astro/db/system';
import { renderTemplate, type Transporter } from '@astro/mail';
import { claimBatches, dueAt, settleClaims } from '../claims.ts';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';

export const maxEmailAttempts = 10;
/** How many e-mails one run claims at most. */
export const sendBatch = 200;
/**
 * Claimed, sent and settled at once: enough to keep every pooled connection busy, few enough that senders starting
 * together share the run's e-mails, and that a claim or settle (one write command, during which FerretDB lets no
 * other write through) stays short.
 */
const claimBatch = 20;
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
  const start = clock();
  const claims = claimBatches(outbox, dueAt(start), {
    sort: { availableAt: 1 },
    limit,
    batch: claimBatch,
    holder: deps.instance,
    claimMs,
    clock,
    fence,
  });
  for await (const claim of claims) {
    // Handed to the pooled transport all at once: it sends them over its connections side by side.
    const settlements = await Promise.all(
      claim.items.map(async ({ _id, ...stored }) => {
        const email: Claimed = { ...stored, id: _id };
        const settled = await send(deps, email, clock);
        counts[settled.outcome]++;
        return { id: email.id, set: { ...settled.set, attempts: email.attempts + 1 } };
      }),
    );
    await settleClaims(outbox, claim.token, settlements);
  }
  return counts;
}

async function send(
  deps: SenderDeps,
  email: Claimed,
  clock: () => Date,
): Promise<{ outcome: 'sent' | 'retried' | 'failed'; set: Record<string, unknown> }> {
  const now = clock();
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
    return {
      outcome: 'sent',
      set: { status: 'sent', smtpMessageId: info.messageId, sentAt: clock(), lastError: null },
    };
  } catch (error) {
    const { responseCode, response, message } = error as {
      responseCode?: number;
      response?: string;
      message: string;
    };
    const permanent = (responseCode !== undefined && responseCode >= 500) || email.attempts + 1 >= maxEmailAttempts;
    const reason = response ?? message;
    return permanent
      ? { outcome: 'failed', set: { status: 'failed', lastError: reason } }
      : {
          outcome: 'retried',
          set: { availableAt: new Date(now.getTime() + retryDelayMs(email.attempts + 1)), lastError: reason },
        };
  }
}

export function emailSenderJob(deps: SenderDeps): JobDefinition {
  return {
    name: 'email-sender',
    description: 'Sends the e-mail outbox over SMTP',
    schedule: '*/5 * * * * *',
    run: ({ now, fence }) => sendPendingEmails(deps, now, sendBatch, fence),
  };
}
