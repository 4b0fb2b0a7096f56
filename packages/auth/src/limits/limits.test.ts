import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimit, rateLimitCollection, unfenced } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { sweepExpiredAuthRecords } from '../oidc/adapter.ts';
import { createLimits, limitRules, waitInWords, type Limits } from './limits.ts';

describe('limits counted in the System DB', () => {
  let world: TestStores;
  let limits: Limits;

  beforeAll(async () => {
    world = await openTestStores();
    limits = createLimits(world.stores.system);
  });
  afterAll(() => world.drop());

  it('lets exactly the rule’s number of 50 simultaneous attempts through, however they interleave', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () => limits.registrationsPerAddress.attempt('198.51.100.7')),
    );
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(limitRules.registrationsPerAddress.points);
    for (const refused of attempts.filter((attempt) => !attempt.allowed))
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    // Another key has its own count.
    expect(await limits.registrationsPerAddress.attempt('198.51.100.8')).toMatchObject({ allowed: true });
  });

  it('keeps one counter per key: the store refuses a second one, as the limiter expects of MongoDB', async () => {
    const indexes = await rateLimitCollection(world.stores.system.em).indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ key: { key: 1 }, unique: true }));
  });

  it('refuses a locked key for the whole lock, and forgets it when cleared', async () => {
    const key = 'locked@example.com';
    await limits.signInFailuresPerAccount.lock(key);
    const refused = await limits.signInFailuresPerAccount.attempt(key);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed ? 0 : refused.retryAfterSeconds).toBeGreaterThan(
      limitRules.signInFailuresPerAccount.lockSeconds - 60,
    );
    await limits.signInFailuresPerAccount.clear(key);
    expect(await limits.signInFailuresPerAccount.attempt(key)).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('gives an attempt back only to the window it was counted in, never to the next one', async () => {
    const key = '198.51.100.9';
    const limit = limits.signInFailuresPerAddress;
    await limit.attempt(key);
    // The window ends while that attempt's password is being checked.
    await world.stores.system.em
      .fork()
      .nativeUpdate(RateLimit, { key: `signInFailuresPerAddress:${key}` }, { expire: new Date(Date.now() - 1000) });
    await limit.refund(key);
    expect(await limit.attempt(key)).toEqual({
      allowed: true,
      remaining: limitRules.signInFailuresPerAddress.points - 1,
    });
  });

  it('leaves expired counters to the auth-cleanup sweep', async () => {
    const em = world.stores.system.em.fork();
    const count = () => em.count(RateLimit, {});
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await sweepExpiredAuthRecords(world.stores.system, new Date(Date.now() + 2 * 60 * 60 * 1000), unfenced);
    expect(await count()).toBe(0);
  });

  it('says how long to wait in whole minutes', () => {
    expect(waitInWords(1)).toBe('1 minute');
    expect(waitInWords(61)).toBe('2 minutes');
    expect(waitInWords(15 * 60)).toBe('15 minutes');
  });
});
