import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Email } from '@maildev/core';
import { createSMTPServer } from '@maildev/smtp';
import type { SystemOrm } from '@astro/db/system';
import { createSmtpTransport } from '@astro/mail';
import { sendPendingEmails } from './email-sender.job.ts';

interface Refusal {
  code: number;
  message: string;
  times: number;
}

/**
 * MailDev keeps a message only once its store has taken it, and answers a store's error with that error's SMTP
 * code and text: a store that refuses on cue is how a test makes a real server refuse, which MailDev has no
 * setting for.
 */
class RefusingStorage extends MemoryStorage {
  refusal: Refusal | null = null;

  override async save(email: Email): Promise<void> {
    if (this.refusal && this.refusal.times-- > 0)
      throw Object.assign(new Error(this.refusal.message), { responseCode: this.refusal.code });
    return super.save(email);
  }
}

/** A MailDev SMTP server of the test's own that keeps what it receives and can be told to refuse. */
export async function startMailbox() {
  const mailDir = await mkdtemp(join(tmpdir(), 'astro-mailbox-'));
  const storage = new RefusingStorage();
  await storage.initialize();
  const server = createSMTPServer({ port: 0, host: '127.0.0.1', storage, mailDir, logger: false });
  await server.start();
  return {
    url: `smtp://127.0.0.1:${server.getPort()}`,
    received: () => server.getAllEmails(),
    clear: () => server.deleteAllEmails(),
    refuse: (code: number, message: string, times = Infinity) => (storage.refusal = { code, message, times }),
    accept: () => (storage.refusal = null),
    async close() {
      await server.stop();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** Who a received message was addressed to. */
export const recipientOf = (mail: Email) => mail.to.map((recipient) => recipient.address).join(', ');

/** One run of the e-mail sender job as the host configures it, delivering what the outbox holds to this mailbox. */
export const deliverToMailbox = (system: SystemOrm, mailbox: Mailbox, limit?: number) =>
  sendPendingEmails(
    {
      system,
      transport: createSmtpTransport(mailbox.url, { pooled: true }),
      publicUrl: 'http://localhost:4000',
      from: 'Astro Bookings <no-reply@astro-bookings.example>',
      instance: 'sender-1',
    },
    () => new Date(),
    limit,
  );
