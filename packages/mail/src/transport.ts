/** The Notification Service is any SMTP server; this is the one way the project opens a connection to it. */
import nodemailer, { type Transporter } from 'nodemailer';

export function createSmtpTransport(smtpUrl: string, options: { pooled?: boolean } = {}): Transporter {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    // The sender keeps a couple of connections open and paces itself, as a mail service expects.
    ...(options.pooled ? { pool: true, maxConnections: 2, maxMessages: 500, rateDelta: 1_000, rateLimit: 100 } : {}),
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 3_000,
    greetingTimeout: 3_000,
    socketTimeout: 10_000,
  });
}

/** Opens a connection, greets the server and hangs up: proves the server would take mail now. */
export async function verifySmtp(smtpUrl: string): Promise<void> {
  const transport = createSmtpTransport(smtpUrl);
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
}

/** "smtp://mail.example:587" without any user or password, for dashboards and logs. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
