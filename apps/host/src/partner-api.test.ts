/** The partner catalogue API over HTTP, as an integration uses it: a token from /auth/token, then the catalogue. */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, registerPartnerClient } from '@astro/auth';
import { CatalogueLaunch } from '@astro/db/customer';
import { demoPassword, seedDemoWorld } from '@astro/db/seed';
import { OidcRecord } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';
import { TestBrowser } from './sessions/browser.test-support.ts';

describe('the partner catalogue API', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let partner: { clientId: string; clientSecret: string };
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    test = await openTestStores();
    await seedDemoWorld(test.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
    host = await serve(test, log);
    // What `pnpm accounts partner --name "Launch Finder"` does.
    partner = await registerPartnerClient(test.stores.system, 'Launch Finder');
  });
  afterAll(async () => {
    host.server.close();
    await test.drop();
  });

  const tokenFor = async (body: Record<string, string>, client = partner) => {
    const response = await fetch(`${host.url}/auth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...body }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const catalogueToken = (client = partner) => tokenFor({ scope: 'catalogue:read' }, client);
  const call = (path: string, headers: Record<string, string> = {}, at = host.url) =>
    fetch(`${at}/api/partner${path}`, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('lists the launches ahead and shows one by its slug to a partner holding a catalogue:read token', async () => {
    const token = await catalogueToken();
    const response = await call('/launches?destination=moon&sort=price&limit=5', bearer(token));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { launches } = (await response.json()) as {
      launches: { slug: string; destination: string; pricePerSeatCents: number; seatsLeft: number }[];
    };
    const moonbound = await test.stores.customer.em.fork().find(
      CatalogueLaunch,
      {
        destination: 'moon',
        status: { $in: ['scheduled', 'confirmed', 'delayed'] },
        launchDate: { $gt: new Date() },
      },
      { orderBy: { pricePerSeatCents: 'asc', launchDate: 'asc' }, limit: 5 },
    );
    expect(moonbound.length).toBeGreaterThan(0);
    expect(launches.map((launch) => launch.slug)).toEqual(moonbound.map((launch) => launch.slug));

    const one = await call(`/launches/${moonbound[0]!.slug}`, bearer(token));
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      slug: moonbound[0]!.slug,
      missionName: moonbound[0]!.missionName,
      seatsLeft: moonbound[0]!.seatsLeft,
      history: expect.arrayContaining([expect.objectContaining({ status: 'scheduled' })]),
    });
  });

  it('answers a request it cannot serve with JSON that says what to change', async () => {
    const token = await catalogueToken();
    const missing = await call('/launches/no-such-launch-2030-01-01', bearer(token));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'No launch in the catalogue has the slug "no-such-launch-2030-01-01".' },
    });
    const typo = await call('/launches?destinaton=moon', bearer(token));
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as { error: { message: string } }).error.message).toMatch(
      /^Unknown query parameter destinaton; the launch list takes destination, month, /,
    );
    const nul = await call('/launches/moon%00shot', bearer(token));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toEqual({
      error: { code: 'invalid_request', message: 'slug: Remove the invisible control characters from this text.' },
    });
    const badMonth = await call('/launches?month=2027-13&limit=500', bearer(token));
    expect(badMonth.status).toBe(400);
    expect(await badMonth.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: 'month: Give the month as YYYY-MM. limit: Ask for at most 100 launches',
      },
    });
  });

  it('refuses a request without a token, saying where to get one', async () => {
    const response = await call('/launches');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="astro-bookings-partner", error="invalid_request"/,
    );
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('/auth/token');
    expect(error.message).toContain('grant_type=client_credentials, scope=catalogue:read');
  });

  it('refuses a garbage, a revoked and an expired token as invalid', async () => {
    for (const authorization of ['Bearer not-a-token', 'Basic cGFydG5lcjpzZWNyZXQ=', 'Bearer '])
      expect((await call('/launches', { authorization })).status).toBe(401);
    expect(await (await call('/launches', bearer('not-a-token'))).json()).toMatchObject({
      error: { code: 'invalid_token' },
    });

    const revoked = await catalogueToken();
    await fetch(`${host.url}/auth/token/revocation`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: revoked }),
    });
    expect((await call('/launches', bearer(revoked))).status).toBe(401);

    // Ten minutes pass: the stored token is past its expiry.
    const expired = await catalogueToken();
    const em = test.stores.system.em.fork();
    const record = await em.findOneOrFail(OidcRecord, `ClientCredentials:${expired}`);
    const past = Math.floor(Date.now() / 1000) - 60;
    record.payload = { ...record.payload, iat: past - 600, exp: past };
    record.expiresAt = new Date(past * 1000);
    await em.flush();
    const response = await call('/launches', bearer(expired));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_token', message: expect.stringContaining('unknown, revoked or expired') },
    });
  });

  it('refuses a token issued without the catalogue:read scope', async () => {
    const response = await call('/launches', bearer(await tokenFor({})));
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await response.json()).toMatchObject({
      error: { code: 'insufficient_scope', message: expect.stringContaining('scope=catalogue:read') },
    });
  });

  it("refuses a signed-in traveler's browser session: cookies are not partner credentials", async () => {
    const browser = new TestBrowser(host.url);
    await browser.signIn('customer', 'elena.petrova@example.com', demoPassword);
    expect(await (await browser.request('/api/customer/me')).text()).toContain('Elena Petrova');
    const response = await browser.request('/api/partner/launches');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringContaining('a browser sign-in does not count') },
    });
  });

  it('of 50 requests sent at once by one partner client over a limit of 20, answers 20 and refuses 30 saying when to try again, whichever token they carry', async () => {
    const limited = await serve(test, log, { limitRules: { partnerRequestsPerClient: { points: 20, seconds: 60 } } });
    try {
      const busy = await registerPartnerClient(test.stores.system, 'Busy Comparison Site');
      const [first, second] = [await catalogueToken(busy), await catalogueToken(busy)];
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          call('/launches?limit=1', bearer(index % 2 ? first : second), limited.url),
        ),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(20);
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused).toHaveLength(30);
      for (const answer of refused) {
        const wait = Number(answer.headers.get('retry-after'));
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60);
        expect(await answer.json()).toEqual({
          error: {
            code: 'too_many_requests',
            message: expect.stringMatching(
              new RegExp(
                `^This client has made its 20 requests allowed per 60 seconds, across all its tokens\\. Try again in ${wait} seconds`,
              ),
            ),
          },
        });
      }
      // A fresh token does not start the count again; another partner's requests are their own.
      expect((await call('/launches?limit=1', bearer(await catalogueToken(busy)), limited.url)).status).toBe(429);
      const other = await registerPartnerClient(test.stores.system, 'Quiet Travel Blog');
      expect((await call('/launches?limit=1', bearer(await catalogueToken(other)), limited.url)).status).toBe(200);
    } finally {
      limited.server.close();
    }
  });
});
