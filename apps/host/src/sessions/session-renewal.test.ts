/**
 * Renewing a signed-in session's tokens while the authorization server fails: only its answer that the grant is
 * gone (invalid_grant) ends the session; a failure to reach it keeps the person signed in.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClientOf, clientSecretOf, loadAuthSecrets } from '@astro/auth';
import { demoPassword } from '@astro/db/seed';
import { WebSession } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serve, serveDemoWorld } from '../host.test-support.ts';
import { TestBrowser } from './browser.test-support.ts';

const traveler = 'elena.petrova@example.com';
/** A loopback port nothing listens on: connecting is refused, as when the authorization server is down. */
const nowhere = 'http://127.0.0.1:9';

describe('renewing a session while the authorization server fails', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
  });
  afterAll(() => close());

  const sessionOf = async (browser: TestBrowser) => {
    await browser.signIn('customer', traveler, demoPassword);
    return (await test.stores.system.em
      .fork()
      .findOneOrFail(WebSession, { app: 'customer' }, { orderBy: { createdAt: 'desc' } }))!;
  };
  const accessTokenRunsOutIn = (session: WebSession, ms: number) =>
    test.stores.system.em
      .fork()
      .nativeUpdate(WebSession, { id: session.id }, { accessExpiresAt: new Date(Date.now() + ms) });
  const stored = (session: WebSession) => test.stores.system.em.fork().findOne(WebSession, session.id);
  const me = async (origin: string, browser: TestBrowser) => {
    const response = await fetch(`${origin}/api/customer/me`, { headers: { cookie: browser.cookieHeader() } });
    const text = await response.text();
    const email =
      response.status === 200
        ? ((JSON.parse(text) as { result: { data: { email: string } | null } }).result.data?.email ?? null)
        : null;
    return { status: response.status, email, text, retryAfter: response.headers.get('retry-after') };
  };

  it('keeps the session while the authorization server cannot be reached: signed in while the access token lasts, a 503 once it ran out, signed in again when the server answers', async () => {
    let reachable = true;
    const other = await serve(test, log, { reachAuthorizationServer: (own) => (reachable ? own : nowhere) });
    try {
      const browser = new TestBrowser(host.url);
      const session = await sessionOf(browser);
      await accessTokenRunsOutIn(session, -1000);
      expect(await me(other.url, browser)).toMatchObject({ status: 200, email: traveler });
      const renewed = (await stored(session))!;
      expect(renewed.refreshToken).not.toBe(session.refreshToken);

      reachable = false;
      await accessTokenRunsOutIn(session, 30_000);
      expect(await me(other.url, browser)).toMatchObject({ status: 200, email: traveler });
      await accessTokenRunsOutIn(session, -1000);
      const meanwhile = await me(other.url, browser);
      expect(meanwhile).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      expect(meanwhile.text).toContain('You are still signed in: try again in a moment.');
      expect(await stored(session)).toMatchObject({ refreshToken: renewed.refreshToken, refreshingUntil: null });

      reachable = true;
      expect(await me(other.url, browser)).toMatchObject({ status: 200, email: traveler });
      expect((await stored(session))!.refreshToken).not.toBe(renewed.refreshToken);
    } finally {
      other.server.close();
    }
  });

  it('ends the session when the authorization server answers that its grant is gone', async () => {
    const browser = new TestBrowser(host.url);
    const session = await sessionOf(browser);
    const { clientId } = appClientOf('customer');
    const secret = clientSecretOf(clientId, (await loadAuthSecrets(test.stores.system)).clientSecret);
    const revoked = await fetch(`${host.url}/auth/token/revocation`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: session.refreshToken!, token_type_hint: 'refresh_token' }),
    });
    expect(revoked.status).toBe(200);

    await accessTokenRunsOutIn(session, -1000);
    expect(await me(host.url, browser)).toMatchObject({ status: 200, email: null });
    expect(await stored(session)).toBeNull();
  });
});
