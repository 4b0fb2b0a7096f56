/**
 * What a browser can send the sign-in parts of the host that they cannot use: broken cookies, an oversized
 * form, a sign-in step opened again after it ended, a callback reloaded. Each gets a clear 4xx or a page
 * that says what to do, never a 500, and nothing is written.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClientOf, sessionRoutes } from '@astro/auth';
import { demoAgencies, demoPassword } from '@astro/db/seed';
import { unprintableMessage } from '@astro/domain';
import { User, WebSession } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serveDemoWorld } from '../host.test-support.ts';
import { TestBrowser } from './browser.test-support.ts';

const traveler = 'elena.petrova@example.com';
const customer = sessionRoutes(appClientOf('customer'));
const supplier = sessionRoutes(appClientOf('supplier'));
const brokenValue = '%E0%A4%A';
const supplierEmail = demoAgencies[0]!.supplier.email;

describe('sign-in requests the host cannot use', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
  });
  afterAll(() => close());

  const sessions = () => test.stores.system.em.fork().count(WebSession, {});

  for (const name of ['ab_customer', 'ab_admin', 'ab_auth_csrf']) {
    it(`treats a badly encoded ${name} cookie as absent on API calls, sign-in pages and sign-out`, async () => {
      const browser = new TestBrowser(host.url);
      const signInPage = await browser.signInForm('customer');
      browser.cookies.set(name, brokenValue);
      const before = await sessions();
      const input = encodeURIComponent(JSON.stringify({ limit: 1 }));

      const answers = {
        catalogue: (await browser.request(`/api/customer/catalogue.list?input=${input}`)).status,
        agencies: (await browser.request('/api/admin/agencies.list')).status,
        register: (await browser.request('/auth/register')).status,
        signIn: (await browser.request(signInPage.url)).status,
        customerSignOut: (await browser.request(customer.signOut, { method: 'POST', headers: { origin: host.url } }))
          .status,
        adminSignOut: (
          await browser.request(sessionRoutes(appClientOf('admin')).signOut, {
            method: 'POST',
            headers: { origin: host.url },
          })
        ).status,
      };

      expect(answers).toEqual({
        catalogue: 200,
        agencies: 401,
        register: 200,
        signIn: 200,
        customerSignOut: 303,
        adminSignOut: 303,
      });
      expect(await sessions()).toBe(before);
    });
  }

  it("takes the authorization server's own cookies, badly encoded, as absent: signing in starts afresh", async () => {
    const browser = new TestBrowser(host.url);
    for (const name of ['_session', '_session.sig', '_interaction', '_interaction.sig', 'ab_flow_customer'])
      browser.cookies.set(name, brokenValue);
    const { url } = await browser.signIn('customer', traveler, demoPassword);
    expect(url).toBe(`${host.url}/`);
    expect(browser.cookies.get('ab_customer')).toBeTruthy();
  });

  /** Fills in the registration form as a browser would, with its CSRF token. */
  const register = async (fields: Record<string, string>) => {
    const browser = new TestBrowser(host.url);
    const page = await browser.follow('/auth/register');
    return (await browser.submit({ html: await page.response.text(), url: page.url }, fields)).response;
  };

  it('refuses a 1 MB registration form with a page saying the form is too large, and creates no account', async () => {
    const response = await register({
      name: 'x'.repeat(1024 * 1024),
      email: 'too.large@example.com',
      password: 'a-fresh-pass-1',
    });

    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('This form is too large');
    expect(html).toContain('/auth/assets/auth.css');
    expect(await test.stores.system.em.fork().count(User, { email: 'too.large@example.com' })).toBe(0);
  });

  it('refuses a name with a NUL character at its field, and creates no account', async () => {
    // (A lone surrogate cannot arrive in a form: URL encoding turns it into U+FFFD on the way.)
    const response = await register({
      name: 'Ada\u0000 Lovelace',
      email: 'broken.name@example.com',
      password: 'a-fresh-pass-1',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(unprintableMessage);
    expect(await test.stores.system.em.fork().count(User, { email: 'broken.name@example.com' })).toBe(0);
  });

  it('answers a sign-in step it does not know with a page that starts signing in to the customer site again', async () => {
    const response = await fetch(`${host.url}/auth/interaction/no-such-step`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('This sign-in step has expired');
    expect(html).toContain(`href="${customer.signIn}"`);
  });

  it('answers a finished sign-in step opened again (Back after signing in) with a page that starts its own app again', async () => {
    const browser = new TestBrowser(host.url);
    const form = await browser.signInForm('supplier');
    const done = await browser.submit(form, { email: supplierEmail, password: demoPassword });
    expect(done.url).toBe(`${host.url}/supplier/`);

    const again = await browser.request(form.url);
    expect(again.status).toBe(410);
    const html = await again.text();
    expect(html).toContain('This sign-in step has expired');
    expect(html).toContain(`href="${supplier.signIn}"`);
    const resubmitted = await browser.request(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: host.url },
      body: new URLSearchParams({ ...form.fields, email: supplierEmail, password: demoPassword }),
    });
    expect(resubmitted.status).toBe(410);
    expect(await resubmitted.text()).toContain(`href="${supplier.signIn}"`);
  });

  it('sends a signed-in browser that reloads the sign-in callback on into the app', async () => {
    const browser = new TestBrowser(host.url);
    const callback = await browser.callbackAfterSignIn('customer', traveler, demoPassword);
    const flow = browser.cookies.get('ab_flow_customer')!;
    const first = await browser.request(callback);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');

    // A reload: the flow cookie is gone.
    const reload = await browser.request(callback);
    expect(reload.status).toBe(303);
    expect(reload.headers.get('location')).toBe('/');

    // A reload that still carries the flow cookie (sent before the first answer came back) replays the code.
    browser.cookies.set('ab_flow_customer', flow);
    const replay = await browser.request(callback);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/');
  });

  it('offers to sign in again to a browser that is not signed in and comes back with a used code', async () => {
    const browser = new TestBrowser(host.url);
    const callback = await browser.callbackAfterSignIn('customer', traveler, demoPassword);
    const flow = browser.cookies.get('ab_flow_customer')!;
    await browser.request(callback);

    const other = new TestBrowser(host.url);
    other.cookies.set('ab_flow_customer', flow);
    const before = await sessions();
    const response = await other.request(callback);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Signing in did not finish');
    expect(html).toContain(`href="${customer.signIn}?returnTo=%2F"`);
    expect(await sessions()).toBe(before);
  });
});
