/**
 * One-time credentials under races (OWASP ASVS 10.4): an authorization code or a refresh token sent by many
 * requests at once is redeemed once, and the replay revokes the grant, as oidc-provider's rules say.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClientOf, clientSecretOf, loadAuthSecrets, sessionRoutes } from '@astro/auth';
import { demoPassword } from '@astro/db/seed';
import { WebSession } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serve, serveDemoWorld } from '../host.test-support.ts';
import { TestBrowser } from './browser.test-support.ts';

const traveler = 'elena.petrova@example.com';
const customerApp = appClientOf('customer');

describe('one-time sign-in credentials used many times at once', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  let authorization: string;
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
    const { clientSecret } = await loadAuthSecrets(test.stores.system);
    const secret = clientSecretOf(customerApp.clientId, clientSecret);
    authorization = `Basic ${Buffer.from(`${customerApp.clientId}:${secret}`).toString('base64')}`;
  });
  afterAll(() => close());

  const token = (body: Record<string, string>) =>
    fetch(`${host.url}/auth/token`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
  const refresh = (refreshToken: string) => token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  /** The PKCE verifier the app keeps in its signed flow cookie while the browser is away signing in. */
  const verifierOf = (browser: TestBrowser) => {
    const signed = browser.cookies.get('ab_flow_customer')!;
    const flow = JSON.parse(Buffer.from(signed.slice(0, signed.lastIndexOf('.')), 'base64url').toString()) as {
      verifier: string;
    };
    return flow.verifier;
  };
  /** Who the customer site says is signed in, for a browser's cookies, at one host. */
  const me = async (cookie: string, origin = host.url) => {
    const response = await fetch(`${origin}/api/customer/me`, { headers: { cookie } });
    return ((await response.json()) as { result: { data: { email: string } | null } }).result.data?.email ?? null;
  };
  const latestSession = async () =>
    (await test.stores.system.em.fork().find(WebSession, { app: 'customer' }, { orderBy: { createdAt: 'desc' } }))[0];
  const signedInSession = async (browser: TestBrowser) => {
    await browser.signIn('customer', traveler, demoPassword);
    return (await latestSession())!;
  };
  /** The session's access token runs out, so the next request refreshes it. */
  const makeDue = (session: WebSession) =>
    test.stores.system.em
      .fork()
      .nativeUpdate(WebSession, { id: session.id }, { accessExpiresAt: new Date(Date.now() - 1000) });

  it('keeps a session whose tokens are due when two hosts answer its requests at the same moment', async () => {
    const browser = new TestBrowser(host.url);
    const session = await signedInSession(browser);
    const other = await serve(test, log);
    try {
      for (let round = 0; round < 3; round++) {
        await makeDue(session);
        const seen = await Promise.all(
          Array.from({ length: 10 }, (_, index) => me(browser.cookieHeader(), index % 2 === 0 ? host.url : other.url)),
        );
        expect(seen).toEqual(Array.from({ length: 10 }, () => traveler));
      }
      const current = await test.stores.system.em.fork().findOneOrFail(WebSession, session.id);
      expect(current.refreshToken).not.toBe(session.refreshToken);
    } finally {
      other.server.close();
    }
  });

  it('keeps a session whose tokens are due when a second host reads it just before the first host stores the rotated ones', async () => {
    const browser = new TestBrowser(host.url);
    const session = await signedInSession(browser);
    const other = await serve(test, log);
    try {
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // The second host's request starts a little later each round, so one round finds it between reading the
      // due tokens and claiming them at the moment the first host stores what it exchanged them for.
      for (let lateByMs = 0; lateByMs < 80; lateByMs++) {
        await makeDue(session);
        const seen = await Promise.all([
          me(browser.cookieHeader()),
          pause(lateByMs).then(() => me(browser.cookieHeader(), other.url)),
        ]);
        expect({ lateByMs, seen }).toEqual({ lateByMs, seen: [traveler, traveler] });
      }
    } finally {
      other.server.close();
    }
  });

  for (const parallel of [10, 50]) {
    it(`of ${parallel} token requests redeeming one authorization code at once, one gets tokens, and the replay revokes them`, async () => {
      const browser = new TestBrowser(host.url);
      const callback = new URL(await browser.callbackAfterSignIn('customer', traveler, demoPassword));
      const redemption = {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: `${host.url}${sessionRoutes(customerApp).callback}`,
        code_verifier: verifierOf(browser),
      };

      const answers = await Promise.all(
        Array.from({ length: parallel }, async () => {
          const response = await token(redemption);
          return { status: response.status, body: (await response.json()) as Record<string, string> };
        }),
      );

      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of answers.filter((answer) => answer.status !== 200))
        expect(loser).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const tokens = winners[0]!.body;
      expect((await refresh(tokens['refresh_token']!)).status).toBe(400);
      const userinfo = await fetch(`${host.url}/auth/me`, {
        headers: { authorization: `Bearer ${tokens['access_token']}` },
      });
      expect(userinfo.status).toBe(401);
    });

    it(`of ${parallel} returns to the app with one authorization code at once, none stays signed in: the replay revokes the grant and ends the winner's session`, async () => {
      const browser = new TestBrowser(host.url);
      const callback = await browser.callbackAfterSignIn('customer', traveler, demoPassword);
      const cookie = browser.cookieHeader();
      const before = await test.stores.system.em.fork().count(WebSession, {});

      const answers = await Promise.all(
        Array.from({ length: parallel }, async () => {
          const response = await fetch(callback, { headers: { cookie }, redirect: 'manual' });
          const session = response.headers
            .getSetCookie()
            .map((line) => /^ab_customer=([^;]+)/.exec(line)?.[1])
            .find(Boolean);
          return { status: response.status, signedIn: Boolean(session), session, page: await response.text() };
        }),
      );

      // The one that redeemed the code may have been told it was signed in before the replay revoked its grant.
      const winners = answers.filter((answer) => answer.signedIn);
      expect(winners.length).toBeLessThanOrEqual(1);
      expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
      for (const refused of answers.filter((answer) => !answer.signedIn)) {
        expect(refused.status).toBe(400);
        expect(refused.page).toContain('Signing in did not finish');
      }
      expect(await test.stores.system.em.fork().count(WebSession, {})).toBe(before);
      for (const winner of winners) expect(await me(`ab_customer=${winner.session}`)).toBeNull();
    });

    it(`of ${parallel} clients using one refresh token at once, one gets new tokens, and the replay revokes the grant and ends the app session holding it`, async () => {
      const browser = new TestBrowser(host.url);
      const session = await signedInSession(browser);

      const answers = await Promise.all(
        Array.from({ length: parallel }, async () => {
          const response = await refresh(session.refreshToken!);
          return { status: response.status, body: (await response.json()) as Record<string, string> };
        }),
      );

      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of answers.filter((answer) => answer.status !== 200))
        expect(loser).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const rotated = winners[0]!.body['refresh_token']!;
      expect(rotated).not.toBe(session.refreshToken);
      expect((await refresh(rotated)).status).toBe(400);
      expect(await test.stores.system.em.fork().findOne(WebSession, session.id)).toBeNull();
      expect(await me(browser.cookieHeader())).toBeNull();

      // The browser is still signed in at the authorization server: signing in again gets a new grant.
      const again = await browser.signIn('customer', traveler, demoPassword);
      expect(again.url).toBe(`${host.url}/`);
      expect(await me(browser.cookieHeader())).toBe(traveler);
    });
  }
});
