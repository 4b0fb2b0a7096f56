/**
 * Deactivating an account ends it everywhere at once: a browser signed in to the apps is signed out of each on its
 * next request, its API calls are refused, and it cannot sign in again until an admin reactivates it. (The page
 * loads are in e2e/employee-portal/users.spec.ts, with the apps built.)
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivatedMessage } from '@astro/auth/accounts';
import { demoAgencies, demoEmployees, demoPassword } from '@astro/db/seed';
import { OidcRecord, User, WebSession } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serveDemoWorld } from '../host.test-support.ts';
import { TestBrowser } from './browser.test-support.ts';

const supplierEmail = demoAgencies[1]!.supplier.email;
const adminEmail = demoEmployees.find((each) => each.role === 'admin')!.email;

describe('a deactivated account', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
  });
  afterAll(() => close());

  const adminCall = (browser: TestBrowser, path: string, input: unknown) =>
    browser.request(`/api/admin/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.url },
      body: JSON.stringify(input),
    });
  const agencyOf = (browser: TestBrowser) => browser.request('/api/supplier/agency.get');

  it('is signed out of every app at once, its API calls refused, its sign-in refused until reactivated', async () => {
    const supplier = await test.stores.system.em.fork().findOneOrFail(User, { email: supplierEmail });
    const person = new TestBrowser(host.url);
    await person.signIn('supplier', supplierEmail, demoPassword);
    await person.signIn('customer', supplierEmail, demoPassword);
    expect((await agencyOf(person)).status).toBe(200);

    const admin = new TestBrowser(host.url);
    await admin.signIn('admin', adminEmail, demoPassword);
    const deactivated = await adminCall(admin, 'users.deactivate', { userId: supplier.id, reason: 'Left the agency' });
    expect(deactivated.status).toBe(200);

    const system = test.stores.system.em.fork();
    expect(await system.count(WebSession, { userId: supplier.id })).toBe(0);
    const records = await system.find(OidcRecord, {});
    expect(records.filter((record) => record.payload['accountId'] === supplier.id)).toEqual([]);

    const call = await agencyOf(person);
    expect(call.status).toBe(401);
    expect(await call.text()).toContain('Sign in to continue.');
    // The customer site's API, signed in with the same account, no longer knows it either.
    const me = (await (await person.request('/api/customer/me')).json()) as { result: { data: unknown } };
    expect(me.result.data).toBeNull();

    // The authorization server's own session is gone too: signing in asks for the password, and refuses it.
    const form = await person.signInForm('supplier');
    expect(form.html).toContain('name="password"');
    const refused = await person.request(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: host.url },
      body: new URLSearchParams({ ...form.fields, email: supplierEmail, password: demoPassword }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(deactivatedMessage);

    expect(
      (await adminCall(admin, 'users.reactivate', { userId: supplier.id, reason: 'Back at the agency' })).status,
    ).toBe(200);
    const again = new TestBrowser(host.url);
    await again.signIn('supplier', supplierEmail, demoPassword);
    expect((await agencyOf(again)).status).toBe(200);
  });

  it('is refused on its next request even when a session of it was stored after the deactivation (a race)', async () => {
    const operator = demoEmployees.find((each) => each.role === 'operator')!.email;
    const user = await test.stores.system.em.fork().findOneOrFail(User, { email: operator });
    const person = new TestBrowser(host.url);
    // Signed in up to the callback, which finishes only after the deactivation.
    const callback = await person.callbackAfterSignIn('ops', operator, demoPassword);
    const admin = new TestBrowser(host.url);
    await admin.signIn('admin', adminEmail, demoPassword);
    expect((await adminCall(admin, 'users.deactivate', { userId: user.id, reason: 'Race' })).status).toBe(200);
    await person.follow(callback);

    expect((await person.request('/api/ops/me')).status).toBe(200);
    const me = (await (await person.request('/api/ops/me')).json()) as { result: { data: unknown } };
    expect(me.result.data).toBeNull();
    expect(await test.stores.system.em.fork().count(WebSession, { userId: user.id })).toBe(0);
  });
});
