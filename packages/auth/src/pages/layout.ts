/** The sign-in pages' HTML: server-rendered, no framework, in the product's look (tokens shared with the apps). */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]!);

/** Marks text as already-safe HTML, so templates can nest without escaping twice. */
export class SafeHtml {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
  toString() {
    return this.html;
  }
}

/** A tagged template that escapes every value unless it is SafeHtml (or a list of them). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const items = Array.isArray(value) ? value : [value];
    out += items.map((item) => (item instanceof SafeHtml ? item.html : escapeHtml(item))).join('');
    out += strings[i + 1]!;
  });
  return new SafeHtml(out);
}

export function page(options: { title: string; body: SafeHtml; wide?: boolean; extraHead?: SafeHtml }): string {
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>${options.title} · Astro Bookings</title>
      <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
      <link rel="stylesheet" href="/auth/assets/tokens.css" />
      <link rel="stylesheet" href="/auth/assets/auth.css" />
      ${options.extraHead ?? ''}
    </head>
    <body>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="auth-header"><a class="auth-brand" href="/">Astro Bookings</a></header>
      <main id="main" class="auth-card">
        <h1>${options.title}</h1>
        ${options.body}
      </main>
    </body>
  </html>`}`;
}

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete: string;
  hint?: string;
  error?: string;
  autofocus?: boolean;
}

export function field(f: Field): SafeHtml {
  const described = [f.hint ? `${f.name}-hint` : '', f.error ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="${f.name}">${f.label}</label>
    ${f.hint ? html`<p class="hint" id="${f.name}-hint">${f.hint}</p>` : ''}
    ${f.error ? html`<p class="field-error" id="${f.name}-error">${f.error}</p>` : ''}
    <input
      id="${f.name}"
      name="${f.name}"
      type="${f.type ?? 'text'}"
      autocomplete="${f.autocomplete}"
      required
      value="${f.type === 'password' ? '' : (f.value ?? '')}"
      ${described ? html` aria-describedby="${described}"` : ''}${f.error ? html` aria-invalid="true"` : ''}${f.autofocus ? html` autofocus` : ''}
    />
  </div>`;
}

/** A problem with the whole form, announced to screen readers as soon as the page loads. */
export const alert = (message: string | undefined) =>
  message ? html`<div class="alert" role="alert">${message}</div>` : '';

export const notice = (message: string | undefined) =>
  message ? html`<div class="notice" role="status">${message}</div>` : '';
