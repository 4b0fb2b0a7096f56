/** An invited person's first sign-in: the e-mailed link, a password of their own, and a session in their app. */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { User } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serveDemoWorld } from '../host.test-support.ts';
import { TestBrowser } from './browser.test-support.ts';

describe('an invitation', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  let agencyId: string;
  const log = createLogger({ service: 'host', level: 'error', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
    agencyId = (await test.stores.operational.em.fork().findOneOrFail(Agency, { displayName: 'Red Frontier' })).id;
  });
  afterAll(() => close());

  /** What an admin's `users.create` does: the account, and the e-mailed link. */
  const invite = async (name: string, email: string) => {
    const accounts = createAccounts({ system: test.stores.system, log, publicUrl: host.url });
    const { invitationLink } = await accounts.createStaffAccount(
      { name, email, roles: ['supplier'], agencyId },
      { userId: 'admin' },
    );
    return invitationLink!;
  };

  it('lets the invited supplier choose a password and arrive signed in to the supplier portal', async () => {
    const link = await invite('Iris Vega', 'iris.vega@redfrontier.example');
    expect(link).toMatch(new RegExp(`^${host.url}/supplier/session/sign-in\\?invitation=`));

    const browser = new TestBrowser(host.url);
    const opened = await browser.follow(link);
    const html = await opened.response.text();
    expect(html).toContain('Choose your password');
    expect(html).not.toContain('name="email"');

    const tooShort = await browser.submit({ html, url: opened.url }, { password: 'short' });
    expect(tooShort.response.status).toBe(400);
    const again = await tooShort.response.text();
    expect(again).toContain('Use at least 10 characters for your password.');

    const done = await browser.submit({ html: again, url: tooShort.url }, { password: 'red-planet-2028' });
    // (This host serves no built app, so the portal's page itself is not the point: its session is.)
    expect(new URL(done.url).pathname).toBe('/supplier/');
    const me = (await (await browser.request('/api/supplier/me')).json()) as { result: { data: { name: string } } };
    expect(me.result.data.name).toBe('Iris Vega');

    // The link is spent: opened again in another browser, its password step says so and offers the ordinary sign-in.
    const stranger = new TestBrowser(host.url);
    const reopened = await stranger.follow(link);
    const spent = await stranger.submit(
      { html: await reopened.response.text(), url: reopened.url },
      { password: 'another-password-1' },
    );
    expect(spent.response.status).toBe(410);
    expect(await spent.response.text()).toContain('This invitation was already used');
  });

  it('sets one password when the same invitation is submitted 50 times at once', async () => {
    const link = await invite('Tariq Haddad', 'tariq.haddad@redfrontier.example');
    const browser = new TestBrowser(host.url);
    const opened = await browser.follow(link);
    const html = await opened.response.text();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        browser.submit({ html, url: opened.url }, { password: `parallel-password-${n}` }).then(async (answer) => ({
          status: answer.response.status,
          url: answer.url,
        })),
      ),
    );
    const signedIn = answers.filter((answer) => new URL(answer.url).pathname === '/supplier/');
    expect(signedIn).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 410)).toHaveLength(49);
    const user = await test.stores.system.em.fork().findOneOrFail(User, { email: 'tariq.haddad@redfrontier.example' });
    expect(user.passwordHash).not.toBeNull();
  });
});
