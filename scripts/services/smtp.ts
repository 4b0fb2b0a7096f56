/** A local SMTP server standing in for the e-mail service: accepts everything, keeps each message as an .eml file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { SMTPServer } from 'smtp-server';
import type { RunningService } from './index.ts';

export async function startSmtpServer(options: {
  port: number;
  mailDir: string;
}): Promise<RunningService & { url: string }> {
  await mkdir(options.mailDir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.eml`;
        writeFile(`${options.mailDir}/${name}`, Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    name: 'SMTP server',
    url: `smtp://127.0.0.1:${options.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
