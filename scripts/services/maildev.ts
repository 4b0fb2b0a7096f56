/** MailDev stands in for the e-mail service: an SMTP server that keeps every message, with a web UI and REST API. */
import { MailDev } from 'maildev';
import type { RunningService } from './index.ts';

export async function startMailDev(options: {
  /** Where MailDev keeps each message (an .eml file beside its metadata), so mail survives a restart. */
  mailDir: string;
  smtpPort: number;
  /** The web UI and REST API (`GET /api/email`); without a port MailDev serves neither. */
  webPort?: number;
}): Promise<RunningService & { smtpUrl: string; webUrl: string | null }> {
  const maildev = new MailDev({
    smtp: options.smtpPort,
    ip: '127.0.0.1',
    mailDirectory: options.mailDir,
    silent: true,
    ...(options.webPort ? { web: options.webPort, webIp: '127.0.0.1' } : { disableWeb: true }),
  });
  await maildev.start();
  return {
    name: 'MailDev',
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    webUrl: options.webPort ? `http://127.0.0.1:${options.webPort}` : null,
    stop: () => maildev.stop(),
  };
}
