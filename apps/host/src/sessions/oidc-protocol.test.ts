/** The authorization server as a client sees it over HTTP: its discovery document and the rules of its flows. */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClientOf, clientSecretOf, loadAuthSecrets, registerPartnerClient, sessionRoutes } from '@astro/auth';
import { demoEmployees, demoPassword } from '@astro/db/seed';
import { Email, LogEntry, WebSession } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serve, serveDemoWorld } from '../host.test-support.ts';
import { TestBrowser } from './browser.test-support.ts';

const traveler = { email: 'elena.petrova@example.com', name: 'Elena Petrova' };
const customerApp = appClientOf('customer');

describe('the authorization server', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  let issuer: string;
  const log = createLogger({ service: 'host', level: 'info', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
    issuer = `${host.url}/auth`;
  });
  afterAll(() => close());

  const basicAuth = async (clientId: string) => {
    const { clientSecret } = await loadAuthSecrets(test.stores.system);
    return `Basic ${Buffer.from(`${clientId}:${clientSecretOf(clientId, clientSecret)}`).toString('base64')}`;
  };
  const tokenRequest = async (authorization: string, body: Record<string, string>) =>
    fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
  const authorizeUrl = (params: Record<string, string>) =>
    `${issuer}/auth?${new URLSearchParams({
      client_id: customerApp.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${host.url}${sessionRoutes(customerApp).callback}`,
      state: 'state-1',
      ...params,
    })}`;

  it('publishes a discovery document that a client can trust', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(discovery['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(discovery['claims_supported']).toEqual(
      expect.arrayContaining(['sub', 'email', 'email_verified', 'name', 'roles', 'agency_id']),
    );
    const jwks = (await (await fetch(String(discovery['jwks_uri']))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('refuses an authorization request without PKCE', async () => {
    const response = await fetch(authorizeUrl({}), { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses a redirect URI the client did not register, without redirecting there', async () => {
    const response = await fetch(
      authorizeUrl({ redirect_uri: 'https://attacker.example/callback', code_challenge: 'x'.repeat(43) }),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toMatch(/redirect_uri/);
  });

  it('rotates refresh tokens: a used one is refused', async () => {
    const browser = new TestBrowser(host.url);
    await browser.signIn('customer', traveler.email, demoPassword);
    const [session] = await test.stores.system.em
      .fork()
      .find(WebSession, { app: 'customer' }, { orderBy: { createdAt: 'desc' } });
    const first = session!.refreshToken!;
    const authorization = await basicAuth(customerApp.clientId);

    const rotated = await tokenRequest(authorization, { grant_type: 'refresh_token', refresh_token: first });
    expect(rotated.status).toBe(200);
    const { refresh_token: second } = (await rotated.json()) as { refresh_token: string };
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const replay = await tokenRequest(authorization, { grant_type: 'refresh_token', refresh_token: first });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('signing out ends the app session, revokes its tokens and ends the sign-in at the server', async () => {
    const browser = new TestBrowser(host.url);
    await browser.signIn('customer', traveler.email, demoPassword);
    const me = () =>
      browser
        .request('/api/customer/me')
        .then(async (r) => ((await r.json()) as { result: { data: unknown } }).result.data);
    expect(await me()).toMatchObject({ name: traveler.name });
    const sessionCookie = browser.cookies.get('ab_customer')!;
    const [session] = await test.stores.system.em
      .fork()
      .find(WebSession, { app: 'customer' }, { orderBy: { createdAt: 'desc' } });

    // The app's sign-out button, then the server's own sign-out step (the page submits it by itself).
    const { response, url } = await browser.follow(sessionRoutes(customerApp).signOut, {
      method: 'POST',
      headers: { origin: host.url },
    });
    const confirm = await response.text();
    expect(confirm).toContain('Sign out of Astro Bookings?');
    const done = await browser.submit({ html: confirm, url }, { logout: 'yes' });
    expect(done.url).toBe(`${host.url}/`);

    expect(browser.cookies.has('ab_customer')).toBe(false);
    browser.cookies.set('ab_customer', sessionCookie);
    expect(await me()).toBeNull();
    const refused = await tokenRequest(await basicAuth(customerApp.clientId), {
      grant_type: 'refresh_token',
      refresh_token: session!.refreshToken!,
    });
    expect(refused.status).toBe(400);
    // A silent sign-in finds no session at the server any more.
    const silent = await browser.request(
      authorizeUrl({
        prompt: 'none',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }),
    );
    expect(new URL(silent.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });

  it('keeps a signed-in session when another host (or a restarted one) answers the next request', async () => {
    const browser = new TestBrowser(host.url);
    await browser.signIn('customer', traveler.email, demoPassword);
    const other = await serve(test, log);
    try {
      const response = await fetch(`${other.url}/api/customer/me`, { headers: { cookie: browser.cookieHeader() } });
      expect(await response.json()).toMatchObject({ result: { data: { name: traveler.name } } });
    } finally {
      other.server.close();
    }
  });

  it('refreshes tokens behind the scenes when they are due, and ends a session that has run out', async () => {
    const browser = new TestBrowser(host.url);
    await browser.signIn('customer', traveler.email, demoPassword);
    const me = async () =>
      ((await (await browser.request('/api/customer/me')).json()) as { result: { data: unknown } }).result.data;
    const em = test.stores.system.em.fork();
    const [session] = await em.find(WebSession, { app: 'customer' }, { orderBy: { createdAt: 'desc' } });
    const before = session!.refreshToken;

    session!.accessExpiresAt = new Date(Date.now() - 1000);
    await em.flush();
    expect(await me()).toMatchObject({ name: traveler.name });
    const refreshed = await test.stores.system.em.fork().findOneOrFail(WebSession, session!.id);
    expect(refreshed.refreshToken).not.toBe(before);
    expect(refreshed.accessExpiresAt.getTime()).toBeGreaterThan(Date.now());

    refreshed.expiresAt = new Date(Date.now() - 1000);
    await test.stores.system.em.fork().upsert(WebSession, refreshed);
    expect(await me()).toBeNull();
    expect(await test.stores.system.em.fork().count(WebSession, { id: session!.id })).toBe(0);
  });

  it('resets a forgotten password through the e-mailed link, with the forms protected against CSRF', async () => {
    const browser = new TestBrowser(host.url);
    const email = 'james.whitfield@example.com';
    const forgot = await browser.follow('/auth/forgot-password');
    const forgotPage = { html: await forgot.response.text(), url: forgot.url };

    const forged = await fetch(`${host.url}/auth/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email }),
    });
    expect(forged.status).toBe(403);

    const sent = await browser.submit(forgotPage, { email });
    expect(await sent.response.text()).toContain('a link to choose a new password is on its way');
    const mail = await test.stores.system.em
      .fork()
      .findOneOrFail(Email, { recipient: email, template: 'reset-password' });

    const reset = await browser.follow(String(mail.templateData['link']));
    const done = await browser.submit(
      { html: await reset.response.text(), url: reset.url },
      { password: 'a-new-password-1' },
    );
    expect(await done.response.text()).toContain('Your password is saved');

    const { html } = await browser.signIn('customer', email, 'a-new-password-1');
    expect(html).not.toContain('do not match');
    expect(
      ((await (await browser.request('/api/customer/me')).json()) as { result: { data: { name: string } } }).result.data
        .name,
    ).toBe('James Whitfield');
  });

  it('locks an account after five failed sign-ins and logs it', async () => {
    const operator = demoEmployees.find((employee) => employee.role === 'operator')!;
    const browser = new TestBrowser(host.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const { html, response } = await browser.signIn('ops', operator.email, 'wrong password!');
      statuses.push(response.status);
      if (attempt === 5) expect(html).toContain('This account is locked');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    const { html } = await browser.signIn('ops', operator.email, demoPassword);
    expect(html).toContain('This account is locked');
    await log.flush();
    const messages = (await test.stores.system.em.fork().find(LogEntry, { service: 'auth' })).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining(['Sign-in failed', 'Account locked', 'Sign-in refused: account locked']),
    );
  });

  it('gives a partner integration a catalogue token through client credentials', async () => {
    const partner = await registerPartnerClient(test.stores.system, 'Launch Finder');
    const authorization = `Basic ${Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64')}`;
    const response = await tokenRequest(authorization, { grant_type: 'client_credentials', scope: 'catalogue:read' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'catalogue:read' });

    const wrongSecret = `Basic ${Buffer.from(`${partner.clientId}:guess`).toString('base64')}`;
    expect((await tokenRequest(wrongSecret, { grant_type: 'client_credentials' })).status).toBe(401);
  });
});
