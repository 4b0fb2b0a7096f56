/**
 * What someone guessing passwords or probing for accounts meets over HTTP: attempts are counted before a
 * password is checked, however many arrive at once, and an e-mail with an account answers like one without.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClientOf, limitRules, registerPartnerClient } from '@astro/auth';
import { demoEmployees, demoPassword, demoTravelerEmails } from '@astro/db/seed';
import { Email, LogEntry, User } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { renderTemplate } from '@astro/mail';
import type { TestStores } from '../../../../scripts/test-support/stores.ts';
import { serve, serveDemoWorld } from '../host.test-support.ts';
import { sendFrom, TestBrowser, type Answer } from './browser.test-support.ts';

const operator = demoEmployees.find((employee) => employee.role === 'operator')!;
const support = demoEmployees.find((employee) => employee.role === 'support')!;
const admin = demoEmployees.find((employee) => employee.role === 'admin')!;
const traveler = 'elena.petrova@example.com';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('sign-in limits and what they reveal', () => {
  let test: TestStores;
  let host: { server: Server; url: string };
  let close: () => Promise<void>;
  const log = createLogger({ service: 'host', level: 'info', write: () => {} });

  beforeAll(async () => {
    ({ test, host, close } = await serveDemoWorld(log));
  });
  afterAll(() => close());

  /** Passwords actually checked: the service logs "Sign-in failed" only after verifying one. */
  const passwordsChecked = async (fields: Record<string, unknown>) => {
    await log.flush();
    return test.stores.system.em.fork().count(LogEntry, { message: 'Sign-in failed', ...fields } as never);
  };
  const tokenRequest = (from: string, authorization: string, fields: Record<string, string>) =>
    sendFrom(from, `${host.url}/auth/token`, {
      method: 'POST',
      headers: { ...form, authorization },
      body: new URLSearchParams(fields).toString(),
    });
  const count = (answers: Answer[], status: number) => answers.filter((answer) => answer.status === status).length;
  const parallel = <T>(times: number, attempt: (index: number) => Promise<T>) =>
    Promise.all(Array.from({ length: times }, (_, index) => attempt(index)));

  /** A browser on a sign-in page, and a way to post its form from any address. */
  async function signInFormOf(app: 'ops' | 'customer') {
    const browser = new TestBrowser(host.url);
    const page = await browser.signInForm(app);
    return (from: string, email: string, password: string) =>
      sendFrom(from, page.action, {
        method: 'POST',
        headers: { ...form, origin: host.url, cookie: browser.cookieHeader() },
        body: new URLSearchParams({ ...page.fields, email, password }).toString(),
      });
  }

  /**
   * A browser on one of the account forms (register, forgot password) of a host, posting it from any address,
   * through a proxy when `forwardedFor` is given (the `X-Forwarded-For` the request arrives with).
   */
  async function accountFormOf(path: string, at = host.url) {
    const browser = new TestBrowser(at);
    const page = await browser.follow(path);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.response.text())![1]!;
    return (from: string, fields: Record<string, string>, forwardedFor?: string) =>
      sendFrom(from, `${at}${path}`, {
        method: 'POST',
        headers: {
          ...form,
          origin: at,
          cookie: browser.cookieHeader(),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
  }

  it('of 40 wrong passwords for one account sent at once from four addresses, checks five and refuses the rest as locked', async () => {
    const signIn = await signInFormOf('ops');
    const answers = await parallel(40, (index) =>
      signIn(`127.0.0.${41 + (index % 4)}`, operator.email, 'wrong password!'),
    );

    const { id } = await test.stores.system.em.fork().findOneOrFail(User, { email: operator.email });
    expect(await passwordsChecked({ 'fields.userId': id })).toBe(limitRules.signInFailuresPerAccount.points);
    expect(count(answers, 401)).toBe(limitRules.signInFailuresPerAccount.points - 1);
    expect(count(answers, 423)).toBe(40 - limitRules.signInFailuresPerAccount.points + 1);
    for (const locked of answers.filter((answer) => answer.status === 423))
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);

    const right = await signIn('127.0.0.21', operator.email, demoPassword);
    expect(right.status).toBe(423);
    expect(right.text).toContain('This account is locked after too many failed sign-ins. Try again in 15 minutes');
  });

  it('of 40 wrong passwords sent at once from one fresh address, checks twenty, whichever accounts they name', async () => {
    const signIn = await signInFormOf('customer');
    const address = '127.0.0.22';
    const answers = await parallel(40, (index) => signIn(address, `guess${index}@example.com`, 'whatever-pass'));

    expect(await passwordsChecked({ 'fields.address': address })).toBe(limitRules.signInFailuresPerAddress.points);
    expect(count(answers, 401)).toBe(limitRules.signInFailuresPerAddress.points);
    expect(count(answers, 429)).toBe(40 - limitRules.signInFailuresPerAddress.points);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.text).toContain('Too many failed sign-ins from your network. Try again in 15 minutes');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // Another address is not affected.
    expect((await signIn('127.0.0.32', traveler, demoPassword)).status).toBe(303);
  });

  it('of 60 sign-ins from one address alternating a wrong password for other accounts with a correct one, checks twenty wrong passwords and refuses everything after them', async () => {
    // A correct password gives back only the attempt it took itself, so signing in to an account of one's own
    // between guesses does not buy more guesses.
    const signIn = await signInFormOf('customer');
    const address = '127.0.0.28';
    const victims = demoTravelerEmails.filter((email) => email !== traveler);
    const limit = limitRules.signInFailuresPerAddress.points;
    const answers: Answer[] = [];
    for (let index = 0; index < 60; index++)
      answers.push(
        await (index % 2 === 0
          ? signIn(address, victims[(index / 2) % victims.length]!, 'a-guessed-pass')
          : signIn(address, traveler, demoPassword)),
      );

    expect(await passwordsChecked({ 'fields.address': address })).toBe(limit);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.slice(0, 2 * limit - 1)).toEqual(
      Array.from({ length: 2 * limit - 1 }, (_, index) => (index % 2 === 0 ? 401 : 303)),
    );
    expect(statuses.slice(2 * limit - 1)).toEqual(Array.from({ length: 60 - 2 * limit + 1 }, () => 429));
  });

  it('answers wrong passwords for an e-mail without an account exactly as for one with an account, lock included', async () => {
    const signIn = await signInFormOf('ops');
    const attempts = async (email: string) => {
      const answers: { status: number; message: string }[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const answer = await signIn('127.0.0.23', email, 'wrong password!');
        answers.push({ status: answer.status, message: /role="alert"[^>]*>([^<]*)</.exec(answer.text)?.[1] ?? '' });
      }
      return answers;
    };
    const known = await attempts(support.email);
    const unknown = await attempts('nobody.here@astrobookings.example');

    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(known);
  });

  it('answers a registration for an e-mail that has an account as a new one, and e-mails the owner instead', async () => {
    const register = await accountFormOf('/auth/register');
    const registration = async (email: string) => {
      const answer = await register('127.0.0.24', { name: 'Someone Else', email, password: 'a-fresh-pass-1' });
      return { status: answer.status, page: answer.text.replaceAll(email, '<email>') };
    };
    const fresh = await registration('first.timer@example.com');
    expect(fresh.status).toBe(201);
    expect(fresh.page).toContain('Check your e-mail');
    expect(await registration(traveler)).toEqual(fresh);
    expect(await registration(admin.email)).toEqual(fresh);

    const em = test.stores.system.em.fork();
    expect(await em.count(User, { email: traveler })).toBe(1);
    for (const owner of [traveler, admin.email]) {
      const mail = await em.findOneOrFail(Email, { recipient: owner, template: 'registration-attempt' });
      const rendered = renderTemplate(mail.template, mail.templateData, host.url);
      expect(rendered.subject).toBe('Someone tried to register with your e-mail address');
      expect(rendered.text).toContain('Your account is unchanged');
      expect(rendered.text).toContain(`${host.url}/auth/forgot-password`);
    }
    expect(await em.count(Email, { recipient: traveler, template: 'verify-email' })).toBe(0);
  });

  it('takes about as long to answer for an e-mail with an account as for one without, signing in and registering', async () => {
    const signIn = await signInFormOf('ops');
    const register = await accountFormOf('/auth/register');
    const finance = demoEmployees.find((employee) => employee.role === 'finance')!;
    const timed = async (attempt: () => Promise<Answer>) => {
      const started = performance.now();
      await attempt();
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const times: Record<'signInKnown' | 'signInUnknown' | 'registerKnown' | 'registerNew', number[]> = {
      signInKnown: [],
      signInUnknown: [],
      registerKnown: [],
      registerNew: [],
    };
    for (let round = 0; round < 4; round++) {
      times.signInKnown.push(await timed(() => signIn('127.0.0.51', finance.email, 'wrong password!')));
      times.signInUnknown.push(await timed(() => signIn('127.0.0.51', 'no.one@astrobookings.example', 'wrong!')));
      const fields = { name: 'Timing Person', password: 'a-fresh-pass-1' };
      times.registerKnown.push(await timed(() => register('127.0.0.52', { ...fields, email: traveler })));
      times.registerNew.push(
        await timed(() => register('127.0.0.52', { ...fields, email: `timing${round}@example.com` })),
      );
    }

    // Checking a password (scrypt) is most of either answer; skipping it for one kind of address shows.
    for (const [one, other] of [
      [times.signInKnown, times.signInUnknown],
      [times.registerKnown, times.registerNew],
    ] as const) {
      expect(median(one)).toBeGreaterThan(median(other) / 2);
      expect(median(other)).toBeGreaterThan(median(one) / 2);
    }
  });

  it('answers a password reset request the same for addresses with and without an account', async () => {
    const forgot = await accountFormOf('/auth/forgot-password');
    const request = async (email: string) => {
      const answer = await forgot('127.0.0.25', { email });
      return { status: answer.status, page: answer.text.replaceAll(email, '<email>') };
    };
    const known = await request(traveler);
    expect(known.status).toBe(200);
    expect(await request('no.account@example.com')).toEqual(known);
  });

  it(`of 12 registrations sent at once from one address, takes ${limitRules.registrationsPerAddress.points} and says when to try again`, async () => {
    const register = await accountFormOf('/auth/register');
    const answers = await parallel(12, (index) =>
      register('127.0.0.26', { name: 'Burst Person', email: `burst${index}@example.com`, password: 'a-fresh-pass-1' }),
    );
    expect(count(answers, 201)).toBe(limitRules.registrationsPerAddress.points);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(12 - limitRules.registrationsPerAddress.points);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.text).toContain('Too many accounts were registered from your network. Try again in');
    }
    expect(await test.stores.system.em.fork().count(User, { email: /^burst/ } as never)).toBe(
      limitRules.registrationsPerAddress.points,
    );
  });

  it(`of 12 password reset requests sent at once from one address, takes ${limitRules.linkRequestsPerAddress.points} and says when to try again`, async () => {
    const forgot = await accountFormOf('/auth/forgot-password');
    const answers = await parallel(12, (index) => forgot('127.0.0.27', { email: `burst${index}@example.com` }));
    expect(count(answers, 200)).toBe(limitRules.linkRequestsPerAddress.points);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(12 - limitRules.linkRequestsPerAddress.points);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.text).toContain('Too many links were asked for from your network');
    }
  });

  it('counts a forged X-Forwarded-For as the address of the connection it came on, when no proxy is trusted', async () => {
    const forgot = await accountFormOf('/auth/forgot-password');
    const answers = await parallel(12, (index) =>
      forgot('127.0.0.28', { email: `forged${index}@example.com` }, `198.51.100.${index + 1}`),
    );
    expect(count(answers, 200)).toBe(limitRules.linkRequestsPerAddress.points);
    expect(count(answers, 429)).toBe(12 - limitRules.linkRequestsPerAddress.points);
  });

  it('behind a trusted proxy, counts each visitor it names as their own address, and a visitor forging the header as the address the proxy saw', async () => {
    // The proxy at 127.0.0.50 appends the address it saw to whatever X-Forwarded-For its visitor sent.
    const proxied = await serve(test, log, { settings: { trustProxy: ['127.0.0.50'] } });
    try {
      const forgot = await accountFormOf('/auth/forgot-password', proxied.url);
      const forging = await parallel(12, (index) =>
        forgot('127.0.0.50', { email: `proxied${index}@example.com` }, `198.51.100.${index + 1}, 203.0.113.1`),
      );
      expect(count(forging, 200)).toBe(limitRules.linkRequestsPerAddress.points);
      expect(count(forging, 429)).toBe(12 - limitRules.linkRequestsPerAddress.points);
      await log.flush();
      expect(
        await test.stores.system.em.fork().count(LogEntry, {
          message: 'Link request refused: too many from one address',
          'fields.address': '203.0.113.1',
        } as never),
      ).toBe(12 - limitRules.linkRequestsPerAddress.points);

      // Another visitor behind the same proxy has their own count.
      expect((await forgot('127.0.0.50', { email: 'next.visitor@example.com' }, '203.0.113.2')).status).toBe(200);
      // A client reaching the host past the proxy is not believed.
      const direct = await parallel(12, (index) =>
        forgot('127.0.0.51', { email: `direct${index}@example.com` }, `198.51.100.${index + 1}`),
      );
      expect(count(direct, 429)).toBe(12 - limitRules.linkRequestsPerAddress.points);
    } finally {
      proxied.server.close();
    }
  });

  it(`of ${limitRules.tokenRequestsPerAddress.points + 20} token requests sent at once by a partner from the host's own address, answers ${limitRules.tokenRequestsPerAddress.points}, and the apps' sign-ins from there go on`, async () => {
    // 127.0.0.1 is where this host's own calls to its authorization server come from.
    const partner = await registerPartnerClient(test.stores.system, 'Launch Finder');
    const basic = `Basic ${Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64')}`;
    const answers = await parallel(limitRules.tokenRequestsPerAddress.points + 20, () =>
      tokenRequest('127.0.0.1', basic, { grant_type: 'client_credentials', scope: 'catalogue:read' }),
    );
    expect(count(answers, 200)).toBe(limitRules.tokenRequestsPerAddress.points);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(20);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(JSON.parse(answer.text)).toMatchObject({
        error: 'temporarily_unavailable',
        error_description: expect.stringContaining('Try again in'),
      });
    }

    // The app proves itself with its secret: signing in (and refreshing) from the same address is never refused.
    const browser = new TestBrowser(host.url);
    const { url } = await browser.signIn('customer', traveler, demoPassword);
    expect(url).toBe(`${host.url}/`);
    expect(browser.cookies.get('ab_customer')).toBeTruthy();
    // An app's name with a wrong secret proves nothing, and is refused like any other client.
    const client = appClientOf('customer').clientId;
    const guess = `Basic ${Buffer.from(`${client}:guess`).toString('base64')}`;
    expect((await tokenRequest('127.0.0.1', guess, { grant_type: 'refresh_token', refresh_token: 'x' })).status).toBe(
      429,
    );
  });
});
