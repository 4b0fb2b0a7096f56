/**
 * The customer site's public pages are rendered once per catalogue version for every anonymous visitor, on two
 * hosts over the same stores, and a change the sync applies shows on both; signed-in visitors get their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@astro/auth';
import { CatalogueLaunch } from '@astro/db/customer';
import { Launch } from '@astro/db/operational';
import { demoPassword, demoTravelerEmails, seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { settleSync } from '../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { supplierOf } from './api-and-jobs/people.test-support.ts';
import { serve } from './host.test-support.ts';
import { publicPageCacheControl } from './page-cache.ts';
import { TestBrowser } from './sessions/browser.test-support.ts';
import { renders, testAppsRoot } from './ssr-apps.test-support.ts';

const day = 86_400_000;

describe('the render cache of public pages', () => {
  let world: TestStores;
  const hosts: { url: string; close(): void }[] = [];
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });
  let launch: CatalogueLaunch;

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
    const appsRoot = await testAppsRoot();
    for (let n = 0; n < 2; n++) {
      const served = await serve(world, log, { appsRoot });
      hosts.push({ url: served.url, close: () => served.server.close() });
    }
    // The soonest scheduled launch: on the catalogue's first page.
    launch = await world.stores.customer.em
      .fork()
      .findOneOrFail(
        CatalogueLaunch,
        { status: 'scheduled', launchDate: { $gt: new Date(Date.now() + 7 * day) } },
        { orderBy: { launchDate: 'asc' } },
      );
  });
  afterAll(async () => {
    for (const host of hosts) host.close();
    await world.drop();
  });

  const page = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers });
    return { response, html: await response.text() };
  };
  const nonceIn = (html: string) => /<script nonce="([^"]+)"/.exec(html)![1];

  it('renders the catalogue once and serves it again, each time with its own nonce, for a CDN to keep briefly', async () => {
    const before = renders();
    const first = await page(`${hosts[0]!.url}/?month=2030-01&destination=orbit`);
    const again = await page(`${hosts[0]!.url}/?destination=orbit&month=2030-01`);
    expect(renders()).toBe(before + 1);
    expect(first.response.status).toBe(200);
    expect(again.html.replace(nonceIn(again.html)!, '')).toBe(first.html.replace(nonceIn(first.html)!, ''));
    for (const { response, html } of [first, again]) {
      expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonceIn(html)}'`);
      expect(response.headers.get('cache-control')).toBe(publicPageCacheControl);
      expect(response.headers.get('vary')).toMatch(/Cookie/);
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
    }
    expect(nonceIn(again.html)).not.toBe(nonceIn(first.html));
  });

  it('renders a launch that does not exist every time, and keeps no page for it', async () => {
    const before = renders();
    for (let n = 0; n < 2; n++) {
      const { response } = await page(`${hosts[0]!.url}/launches/no-such-launch`);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).not.toBe(publicPageCacheControl);
    }
    expect(renders()).toBe(before + 2);
  });

  it('shows a delay the supplier made, once the sync applied it, on the next request to either host', async () => {
    const launchPage = (host: number) => page(`${hosts[host]!.url}/launches/${launch.slug}`);
    for (const host of [0, 1]) {
      expect((await launchPage(host)).html).toContain(`${launch.missionName} scheduled`);
      expect((await page(`${hosts[host]!.url}/`)).html).toContain(`<li>${launch.missionName} scheduled</li>`);
    }
    const before = renders();
    await launchPage(0);
    await launchPage(1);
    expect(renders()).toBe(before);

    const source = await world.stores.operational.em.fork().findOneOrFail(Launch, launch.id);
    await supplierOf(world, source.agency.id).launches.changeStatus({
      launchId: launch.id,
      to: 'delayed',
      newDate: new Date(source.launchDate.getTime() + day),
      reason: 'Range safety review',
    });
    await settleSync(world.stores);
    // Each host reads the catalogue version at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // The launch's address carries its date, so the delayed launch has a new one.
    const delayed = await world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, launch.id);
    for (const host of [0, 1]) {
      expect((await page(`${hosts[host]!.url}/`)).html).toContain(`<li>${launch.missionName} delayed</li>`);
      const moved = await page(`${hosts[host]!.url}/launches/${delayed.slug}`);
      expect(moved.html).toContain(`${launch.missionName} delayed`);
    }
  });

  it('never gives a signed-in traveler the anonymous page, nor anyone else theirs, nor a shared cache either', async () => {
    const signIn = async (email: string) => {
      const browser = new TestBrowser(hosts[0]!.url);
      await browser.signIn('customer', email, demoPassword);
      return browser.cookieHeader();
    };
    const [first, second] = [await signIn(demoTravelerEmails[0]!), await signIn(demoTravelerEmails[1]!)];
    // An address signing in did not already show them.
    const catalogue = `${hosts[0]!.url}/?destination=mars`;
    await page(catalogue);

    const before = renders();
    for (const cookie of [first, second, first, second]) {
      const signedIn = await page(catalogue, { cookie });
      expect(signedIn.html).toContain('Signed in');
      expect(signedIn.response.headers.get('cache-control')).toBe('no-store');
    }
    // Each traveler's catalogue is rendered once, and kept for them alone.
    expect(renders()).toBe(before + 2);

    const anonymous = await page(catalogue);
    expect(anonymous.html).toContain('Anonymous');
    expect(anonymous.html).not.toContain('Signed in');

    // A launch page shows the traveler's own waiting-list places: rendered for every visit.
    const launchBefore = renders();
    await page(`${hosts[0]!.url}/launches/${launch.slug}`, { cookie: first });
    await page(`${hosts[0]!.url}/launches/${launch.slug}`, { cookie: first });
    expect(renders()).toBe(launchBefore + 2);
  });

  it('treats a session cookie that no longer signs anyone in as a visitor, kept out of shared caches', async () => {
    const stale = await page(`${hosts[0]!.url}/`, { cookie: 'ab_customer=signed-out-long-ago' });
    expect(stale.html).toContain('Anonymous');
    expect(stale.response.headers.get('cache-control')).toBe('no-store');
  });
});
