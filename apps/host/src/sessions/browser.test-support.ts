/**
 * A minimal browser for protocol tests: keeps cookies, follows redirects one hop at a time (so tests can
 * look at each), and submits the sign-in form as a person would.
 */
import { request as httpRequest } from 'node:http';
import { appClientOf, sessionRoutes } from '@astro/auth';
import type { WebApp } from '@astro/db/system';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP request from a chosen loopback address (127.0.0.0/8 all reach this machine), so a test can be a
 * fresh network address to limits counted per address.
 */
export function sendFrom(
  address: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress: address },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers))
            for (const each of [value ?? []].flat()) headers.append(name, each);
          resolve({ status: incoming.statusCode!, headers, text: Buffer.concat(chunks).toString() });
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/** A page's hidden form fields (the CSRF token), as a browser would send them back. */
const hiddenFields = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((input) => [
      /name="([^"]+)"/.exec(input[0])?.[1] ?? '',
      /value="([^"]*)"/.exec(input[0])?.[1] ?? '',
    ]),
  );

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
    return this.follow(new URL(form.replaceAll('&amp;', '&'), page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: new URLSearchParams({ ...hiddenFields(page.html), ...fields }),
    });
  }

  /** The sign-in page of an app's authorization request: the form a person fills in, and where it posts. */
  async signInForm(
    app: WebApp,
  ): Promise<{ html: string; url: string; action: string; fields: Record<string, string> }> {
    const start = await this.follow(sessionRoutes(appClientOf(app)).signIn);
    const html = await start.response.text();
    const action = /<form[^>]* action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No sign-in form at ${start.url}`);
    return {
      html,
      url: start.url,
      action: new URL(action.replaceAll('&amp;', '&'), start.url).href,
      fields: hiddenFields(html),
    };
  }

  /**
   * Signs in up to the moment the authorization server sends the browser back to the app: returns that
   * callback address (with its one-time code), not yet visited, while the app's flow cookie waits in the jar.
   */
  async callbackAfterSignIn(app: WebApp, email: string, password: string): Promise<string> {
    const form = await this.signInForm(app);
    let response = await this.request(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin },
      body: new URLSearchParams({ ...form.fields, email, password }),
    });
    let url = form.action;
    const callback = new URL(sessionRoutes(appClientOf(app)).callback, this.origin).href;
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops++) {
      url = new URL(response.headers.get('location')!, url).href;
      if (url.startsWith(callback)) return url;
      response = await this.request(url);
    }
    throw new Error(`Signing in to ${app} did not come back to ${callback} (ended at ${url}, ${response.status})`);
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
