import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Email, User } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { createAccounts, type Accounts } from './accounts.service.ts';
import { limitRules } from '../limits/limits.ts';

describe('accounts', () => {
  let world: TestStores;
  let accounts: Accounts;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });

  beforeAll(async () => {
    world = await openTestStores();
    accounts = createAccounts({ system: world.stores.system, log, publicUrl: 'https://astro.example' });
  });
  afterAll(() => world.drop());

  const outbox = (recipient: string, template: string) =>
    world.stores.system.em.fork().find(Email, { recipient, template }, { orderBy: { createdAt: 'asc' } });
  const tokenOf = (email: Email) => new URL(String(email.templateData['link'])).searchParams.get('token')!;

  it('registers a customer who must confirm the e-mail from a single-use link before signing in', async () => {
    const user = await accounts.registerCustomer({
      name: ' Ana Silva ',
      email: 'Ana@Example.com',
      password: 'orbit-2027-go',
    });
    expect(user).not.toBeNull();
    expect(user).toMatchObject({ name: 'Ana Silva', email: 'ana@example.com', roles: ['customer'], verified: false });
    expect(user!.passwordHash).toMatch(/^scrypt\$/);

    await expect(
      accounts.signIn({ email: 'ana@example.com', password: 'orbit-2027-go', address: '198.51.100.1' }),
    ).rejects.toMatchObject({
      reason: 'unverified',
    });

    const [email] = await outbox('ana@example.com', 'verify-email');
    expect(String(email!.templateData['link'])).toMatch(/^https:\/\/astro\.example\/auth\/verify-email\?token=/);
    await accounts.verifyEmail(tokenOf(email!));
    await expect(accounts.verifyEmail(tokenOf(email!))).rejects.toMatchObject({ reason: 'link' });
    expect(
      await accounts.signIn({ email: 'ANA@example.com', password: 'orbit-2027-go', address: '198.51.100.1' }),
    ).toMatchObject({
      id: user!.id,
    });
  });

  it('treats e-mail addresses case-insensitively: one account per address, whose owner hears of another try', async () => {
    expect(
      await accounts.registerCustomer({ name: 'Ana Again', email: 'ANA@EXAMPLE.COM', password: 'another-pass-1' }),
    ).toBeNull();
    expect(await world.stores.system.em.fork().count(User, { email: 'ana@example.com' })).toBe(1);
    expect(await outbox('ana@example.com', 'registration-attempt')).toHaveLength(1);
  });

  it('resets a forgotten password by link, and says nothing about addresses without an account', async () => {
    await accounts.requestPasswordReset('nobody@example.com');
    expect(await outbox('nobody@example.com', 'reset-password')).toEqual([]);

    await accounts.requestPasswordReset('ana@example.com');
    const [email] = await outbox('ana@example.com', 'reset-password');
    await expect(accounts.resetPassword(tokenOf(email!), 'short')).rejects.toMatchObject({ reason: 'invalid' });
    await accounts.resetPassword(tokenOf(email!), 'a-brand-new-pass');
    await expect(
      accounts.signIn({ email: 'ana@example.com', password: 'orbit-2027-go', address: '198.51.100.2' }),
    ).rejects.toMatchObject({
      reason: 'credentials',
    });
    await accounts.signIn({ email: 'ana@example.com', password: 'a-brand-new-pass', address: '198.51.100.2' });
  });

  it(`stops an address after ${limitRules.signInFailuresPerAddress.points} failures, whichever accounts it tries`, async () => {
    const address = '203.0.113.99';
    for (let i = 0; i < limitRules.signInFailuresPerAddress.points; i++) {
      await expect(
        accounts.signIn({ email: `guess${i}@example.com`, password: 'whatever-pass', address }),
      ).rejects.toMatchObject({
        reason: 'credentials',
      });
    }
    await expect(
      accounts.signIn({ email: 'ana@example.com', password: 'a-brand-new-pass', address }),
    ).rejects.toMatchObject({
      reason: 'throttled',
    });
    // Another address is not affected.
    await accounts.signIn({ email: 'ana@example.com', password: 'a-brand-new-pass', address: '203.0.113.100' });
  });

  it('creates the first admin from configuration once, and never a second time', async () => {
    const first = await accounts.ensureFirstAdmin({
      email: 'root@astro.example',
      password: 'first-admin-pass',
      name: 'Root',
    });
    expect(first).toMatchObject({ roles: ['admin'], verified: true });
    expect(
      await accounts.ensureFirstAdmin({ email: 'other@astro.example', password: 'first-admin-pass', name: 'Other' }),
    ).toBeNull();
    await accounts.signIn({ email: 'root@astro.example', password: 'first-admin-pass', address: '198.51.100.3' });
  });
});
