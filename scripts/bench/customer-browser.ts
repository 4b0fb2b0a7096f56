/**
 * A signed-in customer as the benchmark drives one: the session cookie from the real sign-in flow, and a
 * keep-alive connection of its own, so concurrent customers never share a socket.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { CustomerRouter } from '@astro/api';
import { TestBrowser } from '../../apps/host/src/sessions/browser.test-support.ts';

// The bench calls tRPC over plain HTTP (no @trpc/client in scripts), so the router's own types keep the
// procedure names, inputs and answers honest.
type ProcedureAt<R, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof R
    ? ProcedureAt<R[Head], Rest>
    : never
  : P extends keyof R
    ? R[P]
    : never;
type Types<P extends string> =
  ProcedureAt<CustomerRouter, P> extends { _def: { $types: infer T; type: infer Kind } } ? T & { kind: Kind } : never;
type Paths<R, Prefix extends string = ''> = {
  [K in keyof R & string]: R[K] extends { _def: { procedure: true } } ? `${Prefix}${K}` : Paths<R[K], `${Prefix}${K}.`>;
}[keyof R & string];
type PathsOf<Kind> = {
  [P in Paths<CustomerRouter>]: Types<P> extends { kind: Kind } ? P : never;
}[Paths<CustomerRouter>];
type Input<P extends string> = Types<P> extends { input: infer I } ? I : never;
type Output<P extends string> = Types<P> extends { output: infer O } ? O : never;

/** An answer of the API that is not a success, with the message a person would see. */
export class RefusedError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

export class CustomerBrowser {
  readonly email: string;
  private readonly browser: TestBrowser;
  private readonly agent: HttpAgent;

  private constructor(browser: TestBrowser, email: string) {
    this.browser = browser;
    this.email = email;
    const options = { keepAlive: true, maxSockets: 1 };
    this.agent = browser.origin.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options);
  }

  /** Signs in through the host's authorization code flow, as the customer site does. */
  static async signIn(origin: string, email: string, password: string): Promise<CustomerBrowser> {
    const browser = new TestBrowser(origin);
    await browser.signIn('customer', email, password);
    const customer = new CustomerBrowser(browser, email);
    await customer.warm();
    return customer;
  }

  /**
   * Opens (or reuses) this customer's connection and checks the session still holds. Called right before a
   * timed phase, so no measured request pays for a TCP handshake or meets a socket the host closed when idle.
   */
  async warm(): Promise<void> {
    if (!(await this.query('me'))) throw new Error(`${this.email} is not signed in.`);
  }

  query<P extends PathsOf<'query'>>(path: P, ...input: undefined extends Input<P> ? [Input<P>?] : [Input<P>]) {
    const search = input[0] === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input[0]))}`;
    return this.call<Output<P>>('GET', `${path}${search}`);
  }

  mutation<P extends PathsOf<'mutation'>>(path: P, input: Input<P>) {
    return this.call<Output<P>>('POST', path, JSON.stringify(input));
  }

  close(): void {
    this.agent.destroy();
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: string): Promise<T> {
    const response = await this.send(method, `/api/customer/${path}`, body);
    let answer: { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
    try {
      answer = JSON.parse(response.body) as typeof answer;
    } catch {
      throw new Error(`${path} answered HTTP ${response.status} without a tRPC answer: ${response.body.slice(0, 200)}`);
    }
    if (answer.result) return answer.result.data;
    throw new RefusedError(
      answer.error?.message ?? `HTTP ${response.status}`,
      answer.error?.data?.code ?? String(response.status),
    );
  }

  private send(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
    const url = new URL(path, this.browser.origin);
    // The headers a browser sends on the site's own page: the host refuses writes that name another origin.
    const options: RequestOptions = {
      method,
      agent: this.agent,
      headers: {
        accept: 'application/json',
        cookie: this.browser.cookieHeader(),
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json', origin: this.browser.origin }),
      },
    };
    return new Promise((resolve, reject) => {
      const read = (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      };
      const request = url.protocol === 'https:' ? httpsRequest(url, options, read) : httpRequest(url, options, read);
      request.on('error', reject);
      request.end(body);
    });
  }
}
