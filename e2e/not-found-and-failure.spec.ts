/** An address no app has a page for gets that app's 404 page; an unexpected failure gets its failure page. */
import { randomUUID } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { adminRouter, customerRouter, opsRouter, supplierRouter } from '@astro/api';
import { createLogger } from '@astro/logging';
import { createHostApp, type HostAppOptions } from '../apps/host/src/app.ts';
import type { WebSessions } from '../apps/host/src/sessions/web-sessions.ts';
import { hydrated, serverHtml, watch } from './support/server-rendered.ts';
import { demoAccounts, demoTravelers, signInAt, signInToCustomerSite } from './support/sign-in.ts';

const apps = [
  { home: '/', name: 'Customer site', app: 'customer site', account: null },
  { home: '/supplier/', name: 'Supplier portal', app: 'supplier portal', account: demoAccounts.supplier },
  { home: '/admin/', name: 'Employee portal', app: 'employee portal', account: demoAccounts.admin },
  { home: '/ops/', name: 'IT operations', app: 'IT operations dashboard', account: demoAccounts.operator },
];

async function expectNotFoundPage(page: Page, appName: string, home: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(appName);
  const link = page.getByRole('link', { name: 'Go to the start page' });
  expect(new URL(await link.evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe(home);
  await expect(page.getByText('Cannot GET')).toHaveCount(0);
}

for (const { home, name, app, account } of apps) {
  test(`an unknown address in the ${app} gets its own 404 page with a link home`, async ({ page }) => {
    if (account) await signInAt(page, home, account);
    const response = await page.goto(`${home}nope`);
    expect(response!.status()).toBe(404);
    await expectNotFoundPage(page, name, home);
    await link(page).click();
    await expect(page).toHaveURL(new RegExp(`${home}$`));
  });
}

const link = (page: Page) => page.getByRole('link', { name: 'Go to the start page' });

test("an address outside every app, like /nope.php, gets the customer site's 404 page", async ({ page }) => {
  const response = await page.goto('/nope.php');
  expect(response!.status()).toBe(404);
  await expectNotFoundPage(page, 'Customer site', '/');
});

/**
 * A page for one thing (a launch, a booking) at an address that names none: the server answers 404 with the page's
 * own heading and the API's message, and the browser keeps showing them after hydration without asking again.
 */
async function expectUnknownThing(page: Page, path: string, heading: string, message: string) {
  const html = await serverHtml(page.request, path, 404);
  expect(html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
  expect(html).toContain(message);
  expect(html).not.toContain('Loading');

  const watched = watch(page);
  const response = await page.goto(path);
  expect(response!.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(message);
  expect(watched.apiRequests).toEqual([]);
  // Chromium reports the 404 of the page itself as a failed resource; nothing else may go wrong.
  expect(watched.consoleErrors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
}

test('an unknown launch answers 404 with "Launch not found", from the server and after hydration', async ({ page }) => {
  await expectUnknownThing(
    page,
    '/launches/no-such-launch',
    'Launch not found',
    'This launch is not in the catalogue (any more).',
  );
});

test('an unknown booking, or a reference that is not one, answers a signed-in traveler 404 with "Booking not found"', async ({
  page,
}) => {
  await signInToCustomerSite(page, '/bookings', demoTravelers.elena);
  await expectUnknownThing(
    page,
    `/bookings/${randomUUID()}`,
    'Booking not found',
    'You have no booking with this reference.',
  );
  await expectUnknownThing(page, '/bookings/not-a-reference', 'Booking not found', 'This is not a booking reference.');
});

test('a launch that is not the supplier\'s own answers 404 with "Launch not found", on its page and its edit page', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const launchId = randomUUID();
  for (const path of [`/supplier/launches/${launchId}`, `/supplier/launches/${launchId}/edit`]) {
    await expectUnknownThing(page, path, 'Launch not found', 'That launch is not one of your agency’s.');
  }
});

test('an address that cannot be decoded is refused as a bad request, not a server failure', async ({ request }) => {
  const response = await request.get('/launches/%E0%A4%A');
  expect(response.status()).toBe(400);
  expect(await response.text()).toBe('This address is not valid. Check the link and try again.');
});

test('a Host header no address can hold is refused as a bad request, not a server failure', async ({ baseURL }) => {
  for (const hostHeader of ['[', 'localhost:99999']) {
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const call = request(
        {
          host: '127.0.0.1',
          port: Number(new URL(baseURL!).port),
          path: '/',
          headers: { host: hostHeader },
          setHost: false,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode, body }));
        },
      );
      call.on('error', reject).end();
    });
    expect(answer, hostHeader).toEqual({ status: 400, body: 'This request has no valid Host header.' });
  }
});

test('personal pages are never stored by the browser; the public catalogue may be', async ({ page, request }) => {
  expect((await request.get('/')).headers()['cache-control'] ?? '').not.toContain('no-store');
  expect((await request.get('/bookings')).headers()['cache-control']).toBe('no-store');

  await signInAt(page, '/supplier/', demoAccounts.supplier);
  for (const path of ['/supplier/', '/supplier/launches', '/']) {
    const response = await page.request.get(path);
    expect(response.headers()['cache-control'], path).toBe('no-store');
  }
});

test.describe('a host that fails unexpectedly', () => {
  // A host whose session store fails on every request, as when the System DB is unreachable: each app's page
  // request ends in the host's error handler, which must answer with that app's failure page.
  let host: { server: Server; url: string };
  test.beforeAll(async () => {
    const unreachable = () => {
      throw new Error('The System DB is unreachable');
    };
    const sessions = { routes: () => unreachable, viewerOf: async () => unreachable() } as unknown as WebSessions;
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const routers = { customer: customerRouter, supplier: supplierRouter, admin: adminRouter, ops: opsRouter };
    const app = await createHostApp({
      log: createLogger({ service: 'e2e-failing-host', level: 'error', write: () => {} }),
      audiences: (['customer', 'supplier', 'admin', 'ops'] as const).map((name) => ({
        name,
        router: routers[name],
        createContext: async () => unreachable(),
      })),
      probeDatabases: async () => [],
      metrics: { contentType: 'text/plain', metrics: async () => '' },
      metricsAccess: ((_req: unknown, _res: unknown, next: () => void) =>
        next()) as unknown as HostAppOptions['metricsAccess'],
      appsRoot: fileURLToPath(new URL('../apps', import.meta.url)),
      allowedHosts: ['127.0.0.1'],
      auth: ((_req: unknown, _res: unknown, next: () => void) => next()) as unknown as HostAppOptions['auth'],
      partnerApi: ((_req: unknown, _res: unknown, next: () => void) =>
        next()) as unknown as HostAppOptions['partnerApi'],
      sessions,
      publicUrl: url,
      trustProxy: false,
    });
    server.on('request', app);
    host = { server, url };
  });
  test.afterAll(() => host.server.close());

  for (const { home, name, app } of apps) {
    test(`the ${app} shows its own failure page with the request id to give support`, async ({ page }) => {
      const response = await page.goto(`${host.url}${home}`);
      expect(response!.status()).toBe(500);
      const requestId = response!.headers()['x-request-id']!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong on our side' })).toBeVisible();
      await expect(page.getByRole('banner')).toContainText(name);
      await expect(page.getByText(requestId)).toBeVisible();
      // Still the failure page once the app has started in the browser.
      await page.waitForLoadState('networkidle');
      await expect(page.getByText(requestId)).toBeVisible();
      expect(response!.headers()['cache-control']).toBe('no-store');
    });
  }
});
