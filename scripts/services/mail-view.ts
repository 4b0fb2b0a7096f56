/**
 * A web view of what the local SMTP server received, so a person trying the demo can read the e-mails the
 * system sent. Read-only, on 127.0.0.1; each e-mail's HTML is shown in a sandboxed frame that runs nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { RunningService } from './index.ts';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
const addresses = (field: ParsedMail['to']) =>
  field ? (Array.isArray(field) ? field : [field]).map((a) => a.text).join(', ') : '';

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)} · Local mailbox</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#151a2d;background:#f3f4f9}header{background:#0b1026;color:#fff;padding:12px 20px}
main{padding:20px;max-width:960px;margin:auto}table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:8px;border-bottom:1px solid #cfd3e1}
a{color:#4432c8}iframe{width:100%;height:640px;border:1px solid #cfd3e1;background:#fff}pre{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #cfd3e1}</style>
</head><body><header><strong>Astro Bookings</strong> · local mailbox (what the SMTP server received)</header><main>${body}</main></body></html>`;

export async function startMailView(options: {
  port: number;
  mailDir: string;
}): Promise<RunningService & { url: string }> {
  const messages = async () =>
    (await readdir(options.mailDir).catch(() => []))
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .reverse();
  const parse = async (name: string) => simpleParser(await readFile(`${options.mailDir}/${name}`));

  const server = createServer(async (req, res) => {
    const send = (status: number, html: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
        'x-content-type-options': 'nosniff',
      });
      res.end(html);
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const name = url.pathname.startsWith('/message/')
        ? decodeURIComponent(url.pathname.slice('/message/'.length))
        : null;
      if (name !== null) {
        if (!(await messages()).includes(name))
          return send(404, page('Not found', '<p>There is no such e-mail. <a href="/">All e-mails</a></p>'));
        const mail = await parse(name);
        return send(
          200,
          page(
            mail.subject ?? '(no subject)',
            `<p><a href="/">← All e-mails</a></p><h1>${escape(mail.subject ?? '(no subject)')}</h1>
<p>From ${escape(addresses(mail.from))} to ${escape(addresses(mail.to))}, ${escape(mail.date?.toISOString() ?? '')}</p>
${mail.html ? `<h2>HTML</h2><iframe sandbox title="The e-mail as HTML" srcdoc="${escape(mail.html)}"></iframe>` : ''}
<h2>Plain text</h2><pre>${escape(mail.text ?? '')}</pre>`,
          ),
        );
      }
      const rows = await Promise.all(
        (await messages()).slice(0, 200).map(async (file) => {
          const mail = await parse(file);
          return `<tr><td>${escape(mail.date?.toISOString().replace('T', ' ').slice(0, 19) ?? '')}</td><td>${escape(addresses(mail.to))}</td><td><a href="/message/${encodeURIComponent(file)}">${escape(mail.subject ?? '(no subject)')}</a></td></tr>`;
        }),
      );
      send(
        200,
        page(
          'E-mails',
          rows.length
            ? `<h1>E-mails received (${rows.length})</h1><table><thead><tr><th scope="col">Received (UTC)</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
            : '<h1>No e-mails yet</h1><p>E-mails the system sends appear here within seconds.</p>',
        ),
      );
    } catch (error) {
      send(500, page('Error', `<p>${escape(String(error))}</p>`));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    name: 'Mail view',
    url: `http://127.0.0.1:${options.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
