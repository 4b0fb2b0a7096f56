import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AdminRouter, CustomerRouter, OpsRouter, SupplierRouter } from '@astro/api';
import { hashPassword } from '@astro/auth';
import { Booking } from '@astro/db/customer';
import { demoAgencies, demoEmployees, demoPassword, demoTravelerEmails, seedDemoWorld } from '@astro/db/seed';
import { LogEntry, systemLogSink, User, type WebApp } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { unprintableMessage } from '@astro/domain';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';
import { TestBrowser } from './sessions/browser.test-support.ts';

describe('the host', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  const log = createLogger({ service: 'host', level: 'debug', write: () => {} });
  const metricsToken = 'scrape-token-for-the-host-test-0123456789';

  beforeAll(async () => {
    test = await openTestStores();
    await seedDemoWorld(test.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
    log.attachSink(systemLogSink(test.stores.system));
    host = await serve(test, log, { settings: { metricsToken } });
  });
  afterAll(async () => {
    host.server.close();
    await test.drop();
  });

  it('says it is alive on /healthz', async () => {
    const response = await fetch(`${host.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'alive' });
  });

  describe('/metrics', () => {
    const metrics = (headers: Record<string, string> = {}) => fetch(`${host.url}/metrics`, { headers });

    it("publishes sync backlog and lag, and the process's own metrics, to a scraper with the token", async () => {
      const response = await metrics({ authorization: `Bearer ${metricsToken}` });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/^astro_sync_backlog \d+$/m);
      expect(text).toMatch(/^astro_sync_apply_lag_seconds\{quantile="0.99"\} [\d.]+$/m);
      expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+$/m);
    });

    it('counts the database commands each request sends, by store, reads and writes apart, under its procedure', async () => {
      const counted = async () => {
        const text = await (await metrics({ authorization: `Bearer ${metricsToken}` })).text();
        const line = (cause: string) =>
          new RegExp(`^astro_db_commands_total\\{store="customer",kind="read",cause="${cause}"\\} (\\d+)$`, 'm');
        return {
          catalogue: Number(line('customer.catalogue.list').exec(text)?.[1] ?? 0),
          unknown: Number(line('customer.no-such-procedure').exec(text)?.[1] ?? 0),
        };
      };
      const before = await counted();
      const input = encodeURIComponent(JSON.stringify({ limit: 10 }));
      expect((await fetch(`${host.url}/api/customer/catalogue.list?input=${input}`)).status).toBe(200);
      await fetch(`${host.url}/api/customer/no-such-procedure`);
      const after = await counted();
      expect(after.catalogue).toBeGreaterThan(before.catalogue);
      // A made-up path never becomes a label of its own (the metrics cannot grow without bound).
      expect(after.unknown).toBe(0);
    });

    it('serves an operator signed in to the ops dashboard', async () => {
      const response = await metrics(await signedIn('ops', employee('operator')));
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/^astro_sync_backlog \d+$/m);
    });

    it('refuses anyone else, saying how to get in, and shows them no metric', async () => {
      const refusal = async (headers?: Record<string, string>) => {
        const response = await metrics(headers);
        const text = await response.text();
        expect(text).not.toMatch(/astro_sync|nodejs_/);
        return { status: response.status, challenge: response.headers.get('www-authenticate'), text };
      };
      expect(await refusal()).toEqual({
        status: 401,
        challenge: 'Bearer realm="metrics"',
        text: 'The metrics are for operators: sign in to the IT operations dashboard, or scrape with the METRICS_TOKEN as a bearer token.',
      });
      expect(await refusal({ authorization: `Bearer ${metricsToken.slice(0, -1)}x` })).toMatchObject({
        status: 403,
        text: 'This token does not open /metrics. Use the METRICS_TOKEN the host was started with.',
      });
      expect(await refusal({ authorization: `Basic ${btoa(`scraper:${metricsToken}`)}` })).toMatchObject({
        status: 401,
        text: 'Send the scrape token as "Authorization: Bearer <token>".',
      });
      // Signed in, but to another app: only an operator's session of the ops dashboard opens the metrics.
      expect(await refusal(await signedIn('customer', demoTravelerEmails[0]!))).toMatchObject({ status: 401 });
      expect(await refusal(await signedIn('admin', employee('support')))).toMatchObject({ status: 401 });
    });
  });

  it('reports every database as reachable on /readyz', async () => {
    const response = await fetch(`${host.url}/readyz`);
    const body = (await response.json()) as { ready: boolean; checks: { component: string; up: boolean }[] };
    expect(response.status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.checks.map((check) => [check.component, check.up])).toEqual([
      ['Operational DB', true],
      ['Customer DB', true],
      ['System DB', true],
    ]);
  });

  it('serves the customer catalogue over HTTP to a typed client', async () => {
    const customer = createTRPCClient<CustomerRouter>({ links: [httpBatchLink({ url: `${host.url}/api/customer` })] });
    const { launches } = await customer.catalogue.list.query({ limit: 5 });
    expect(launches).toHaveLength(5);
    expect(launches[0]).toMatchObject({
      missionName: expect.any(String),
      seatsLeft: expect.any(Number),
      pricePerSeatCents: expect.any(Number),
    });
  });

  it('answers invalid input with a message that says what to fix, field by field', async () => {
    const input = encodeURIComponent(JSON.stringify({ limit: 1000 }));
    const response = await fetch(`${host.url}/api/customer/catalogue.list?input=${input}`);
    const body = (await response.json()) as {
      error: { message: string; data: { fieldErrors: Record<string, string> } };
    };
    expect(response.status).toBe(400);
    expect(body.error.message).toBe('Ask for at most 100 launches');
    expect(body.error.data.fieldErrors).toEqual({ limit: 'Ask for at most 100 launches' });
  });

  /** The cookies of a browser that has signed in to one app. */
  async function signedIn(app: WebApp, email: string): Promise<{ cookie: string }> {
    const browser = new TestBrowser(host.url);
    await browser.signIn(app, email, demoPassword);
    return { cookie: browser.cookieHeader() };
  }
  const employee = (role: string) => demoEmployees.find((each) => each.role === role)!.email;

  it("serves a signed-in supplier their own agency's rockets", async () => {
    const headers = await signedIn('supplier', demoAgencies[0]!.supplier.email);
    const supplier = createTRPCClient<SupplierRouter>({
      links: [httpBatchLink({ url: `${host.url}/api/supplier`, headers })],
    });
    const { agency, rockets } = await supplier.rockets.list.query();
    expect(agency.name).toBe('Orbital Horizons');
    expect(rockets.map((rocket) => rocket.name)).toContain('Horizon Heavy');
  });

  it('serves the agencies to the employee portal', async () => {
    const headers = await signedIn('admin', employee('support'));
    const admin = createTRPCClient<AdminRouter>({ links: [httpBatchLink({ url: `${host.url}/api/admin`, headers })] });
    const { agencies } = await admin.agencies.list.query();
    expect(agencies.length).toBeGreaterThanOrEqual(5);
  });

  it('shows operators each database and the SMTP server as up, with a latency', async () => {
    const headers = await signedIn('ops', employee('operator'));
    const ops = createTRPCClient<OpsRouter>({ links: [httpBatchLink({ url: `${host.url}/api/ops`, headers })] });
    const { components } = await ops.status.get.query();
    expect(components.map((component) => component.component)).toEqual([
      'Operational DB',
      'Customer DB',
      'System DB',
      'SMTP server',
    ]);
    for (const component of components) {
      expect(component).toMatchObject({ up: true, problem: null, latencyMs: expect.any(Number) });
    }
    // Operators see where each database is; /readyz tells nobody else.
    expect(components[0]!.target).toBe(`PostgreSQL ${new URL(test.config.databaseUrl).host}`);
  });

  it('refuses a change to data sent from another site', async () => {
    const headers = await signedIn('admin', employee('admin'));
    const response = await fetch(`${host.url}/api/admin/users.create`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mallory', email: 'mallory@evil.example', roles: ['admin'] }),
    });
    expect(response.status).toBe(403);
    expect(await test.stores.system.em.fork().count(User, { email: 'mallory@evil.example' })).toBe(0);
  });

  describe('text with a NUL character in it', () => {
    type Refusal = { error: { data: { httpStatus: number; fieldErrors: Record<string, string> } } };
    const hold = (cookie: string, body: object) =>
      fetch(`${host.url}/api/customer/bookings.hold`, {
        method: 'POST',
        headers: { cookie, origin: host.url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bookableLaunch = async () => {
      const customer = createTRPCClient<CustomerRouter>({
        links: [httpBatchLink({ url: `${host.url}/api/customer` })],
      });
      const { launches } = await customer.catalogue.list.query({ minSeatsLeft: 2 });
      return launches[0]!;
    };

    it('is refused in a launch address with a message, not a server error', async () => {
      const input = encodeURIComponent(JSON.stringify({ slug: 'moon-\u0000-landing' }));
      const response = await fetch(`${host.url}/api/customer/catalogue.launch?input=${input}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as Refusal).error.data.fieldErrors).toEqual({ slug: unprintableMessage });
    });

    it('is refused in an idempotency key, and no booking is made', async () => {
      const { cookie } = await signedIn('customer', demoTravelerEmails[2]!);
      const launch = await bookableLaunch();
      const bookings = () => test.stores.customer.em.fork().count(Booking, {});
      const before = await bookings();
      const response = await hold(cookie, { launchId: launch.id, seats: 1, idempotencyKey: 'hold-\u0000-12345678' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Refusal).error.data.fieldErrors).toEqual({
        idempotencyKey: unprintableMessage,
      });
      expect(await bookings()).toBe(before);
    });

    it("is refused in a passenger's name, and the booking keeps no passenger", async () => {
      const { cookie } = await signedIn('customer', demoTravelerEmails[3]!);
      const launch = await bookableLaunch();
      const held = (await (
        await hold(cookie, { launchId: launch.id, seats: 1, idempotencyKey: crypto.randomUUID() })
      ).json()) as {
        result: { data: { bookingId: string } };
      };
      const { bookingId } = held.result.data;
      const response = await fetch(`${host.url}/api/customer/bookings.passengers`, {
        method: 'POST',
        headers: { cookie, origin: host.url, 'content-type': 'application/json' },
        body: JSON.stringify({ bookingId, passengers: [{ name: 'Ada \u0000Lovelace', birthDate: '1990-04-21' }] }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Refusal).error.data.fieldErrors).toEqual({
        'passengers.0.name': unprintableMessage,
      });
      expect((await test.stores.customer.em.fork().findOneOrFail(Booking, bookingId)).passengers).toEqual([]);
    });
  });

  it('tells browsers and proxies to keep no API answer, nor anything answered to a request with a session', async () => {
    const { cookie } = await signedIn('customer', demoTravelerEmails[4]!);
    const input = encodeURIComponent(JSON.stringify({}));
    for (const [path, headers] of [
      [`/api/customer/catalogue.list?input=${input}`, {}],
      ['/api/customer/me', { cookie }],
      ['/api/customer/bookings.mine', { cookie }],
      ['/api/customer/bookings.mine', {}],
      ['/api/nowhere', {}],
      ['/api/partner/launches', {}],
      ['/healthz', { cookie }],
    ] as const) {
      const response = await fetch(`${host.url}${path}`, { headers });
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await fetch(`${host.url}/healthz`)).headers.get('cache-control')).toBeNull();
  });

  it('refuses a request body that is not JSON, or too large, with a 4xx', async () => {
    const { cookie } = await signedIn('customer', demoTravelerEmails[5]!);
    const post = (body: string) =>
      fetch(`${host.url}/api/customer/bookings.hold`, {
        method: 'POST',
        headers: { cookie, origin: host.url, 'content-type': 'application/json' },
        body,
      });
    expect((await post('{"launchId": NaN}')).status).toBe(400);
    expect((await post(JSON.stringify({ idempotencyKey: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await fetch(`${host.url}/api/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'There is no API at /api/nowhere.' } });
  });

  it("writes each request's log lines to the System DB under the caller's correlation id", async () => {
    const response = await fetch(`${host.url}/healthz`, { headers: { 'x-correlation-id': 'trace-42' } });
    expect(response.headers.get('x-correlation-id')).toBe('trace-42');
    const requestId = response.headers.get('x-request-id');
    await log.flush();
    const entries = await test.stores.system.em.fork().find(LogEntry, { correlationId: 'trace-42' });
    expect(entries).toEqual([
      expect.objectContaining({ requestId, service: 'host', message: 'Request served', level: 'debug' }),
    ]);
  });
});
