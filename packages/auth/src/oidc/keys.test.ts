import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { loadAuthSecrets, rotateSigningKey } from './keys.ts';

describe('the authorization server keys', () => {
  let world: TestStores;
  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  it('are made once on first start and then read back by every host', async () => {
    const first = await loadAuthSecrets(world.stores.system);
    const again = await loadAuthSecrets(world.stores.system);
    expect(first.jwks).toHaveLength(1);
    expect(first.jwks[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', d: expect.any(String) });
    expect(again).toEqual(first);
  });

  it('rotate: the new key signs, the retired one stays published for a day, then goes', async () => {
    const before = await loadAuthSecrets(world.stores.system);
    const now = new Date();
    const kid = await rotateSigningKey(world.stores.system, now);
    const after = await loadAuthSecrets(world.stores.system, now);
    expect(after.jwks.map((key) => key.kid)).toEqual([kid, before.jwks[0]!.kid]);
    const nextDay = await loadAuthSecrets(world.stores.system, new Date(now.getTime() + 25 * 60 * 60 * 1000));
    expect(nextDay.jwks.map((key) => key.kid)).toEqual([kid]);
    expect(after.cookieKeys).toEqual(before.cookieKeys);
    expect(after.clientSecret).toBe(before.clientSecret);
  });
});
