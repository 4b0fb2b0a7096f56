/**
 * One look for every e-mail, in HTML and plain text. Mail clients strip <style> and block remote assets, so
 * every style is inline and nothing is fetched; the text part says the same as the HTML.
 */

export interface EmailContent {
  subject: string;
  /** The first line of the message, also the preview line in inboxes. */
  heading: string;
  paragraphs: string[];
  /** The facts of the event, label and value (launch, date, seats, amounts). */
  details?: [label: string, value: string][];
  action?: { label: string; url: string };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const colors = {
  brand: '#0b1026',
  ink: '#151a2d',
  muted: '#4a5068',
  canvas: '#f3f4f9',
  border: '#cfd3e1',
  accent: '#4432c8',
};
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function renderEmail(content: EmailContent): RenderedEmail {
  const details = content.details?.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:16px 0;">${content.details
        .map(
          ([label, value]) =>
            `<tr><td style="padding:6px 12px 6px 0;color:${colors.muted};border-top:1px solid ${colors.border};vertical-align:top;">${escape(label)}</td><td style="padding:6px 0;color:${colors.ink};border-top:1px solid ${colors.border};font-weight:600;">${escape(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const action = content.action
    ? `<p style="margin:24px 0;"><a href="${escape(content.action.url)}" style="display:inline-block;background:${colors.accent};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600;">${escape(content.action.label)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(content.subject)}</title></head>
<body style="margin:0;padding:0;background:${colors.canvas};font-family:${font};color:${colors.ink};">
<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;background:${colors.canvas};"><tr><td style="padding:24px 12px;">
<table role="presentation" cellpadding="0" cellspacing="0" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid ${colors.border};border-radius:10px;">
<tr><td style="background:${colors.brand};color:#ffffff;padding:16px 24px;border-radius:10px 10px 0 0;font-weight:700;letter-spacing:0.02em;">Astro Bookings</td></tr>
<tr><td style="padding:24px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${colors.ink};">${escape(content.heading)}</h1>
${content.paragraphs.map((paragraph) => `<p style="margin:0 0 12px;line-height:1.5;">${escape(paragraph)}</p>`).join('\n')}
${details}${action}
</td></tr>
<tr><td style="padding:16px 24px;color:${colors.muted};font-size:13px;border-top:1px solid ${colors.border};">You receive this e-mail because of your Astro Bookings account.</td></tr>
</table></td></tr></table>
</body></html>`;
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.details ?? []).map(([label, value]) => `${label}: ${value}`),
    ...(content.details?.length ? [''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '— Astro Bookings',
  ].join('\n');
  return { subject: content.subject, html, text };
}
