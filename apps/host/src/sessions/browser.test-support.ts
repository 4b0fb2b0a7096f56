/**
 * A minimal browser for protocol tests: keeps cookies, follows redirects one hop at a time (so tests can
 * look at each), and submits the sign-in form as a person would.
 */
import { appClientOf, sessionRoutes } from '@astro/auth';
import type { WebApp } from '@astro/db/system';

export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** One request, no redirect following; remembers the cookies it sets or clears. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, this.origin);
    const headers = new Headers(init.headers);
    if (url.origin === this.origin && this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.trim().split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0\b/i.test(a.trim()));
      if (expired || value.join('=') === '') this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
    return response;
  }

  /** Follows redirects until a page answers; returns it and the URL it came from. */
  async follow(path: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> {
    let response = await this.request(path, init);
    let url = new URL(path, this.origin).href;
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops++) {
      url = new URL(response.headers.get('location')!, url).href;
      response = await this.request(url);
    }
    return { response, url };
  }

  /** Fills in and submits the first form on a page, with the page's hidden fields. */
  async submit(page: { html: string; url: string }, fields: Record<string, string>, action?: string) {
    const form = action ?? /<form[^>]* action="([^"]+)"/.exec(page.html)?.[1];
    if (!form) throw new Error(`No form on ${page.url}`);
    const hidden = Object.fromEntries(
      [...page.html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((input) => [
        /name="([^"]+)"/.exec(input[0])?.[1] ?? '',
        /value="([^"]*)"/.exec(input[0])?.[1] ?? '',
      ]),
    );
    return this.follow(new URL(form.replaceAll('&amp;', '&'), page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: new URLSearchParams({ ...hidden, ...fields }),
    });
  }

  /** Signs in to one app through the real authorization code flow; returns the page it lands on. */
  async signIn(app: WebApp, email: string, password: string) {
    const start = await this.follow(sessionRoutes(appClientOf(app)).signIn);
    const html = await start.response.text();
    if (!html.includes('name="password"')) return { ...start, html };
    const done = await this.submit({ html, url: start.url }, { email, password });
    return { ...done, html: await done.response.text() };
  }
}
