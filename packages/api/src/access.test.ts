import { describe, expect, test } from 'vitest';
import { createLogger } from '@astro/logging';
import { authorize, type Viewer } from './access.ts';
import { initAudience, type BaseContext } from './trpc.ts';

const finance: Viewer = { userId: 'u1', name: 'F', email: 'f@example.com', roles: ['finance'], agencyId: null };

describe('authorize', () => {
  test('a procedure without a rule is refused to everybody, even an admin', () => {
    expect(() => authorize(undefined, { ...finance, roles: ['admin'] })).toThrow(/no access rule/);
    expect(() => authorize(undefined, null)).toThrow(/no access rule/);
  });

  test('"everyone" lets visitors in', () => {
    expect(() => authorize('everyone', null)).not.toThrow();
  });

  test('a role rule asks visitors to sign in and refuses other roles', () => {
    expect(() => authorize(['admin'], null)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(() => authorize(['admin'], finance)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorize(['admin', 'finance'], finance)).not.toThrow();
  });
});

describe('a router procedure declared without a rule', () => {
  test('is refused when called, whoever calls it', async () => {
    const audience = initAudience<BaseContext>();
    const router = audience.router({ forgotten: audience.procedure.query(() => 'data') });
    const log = createLogger({ service: 'test', level: 'error', write: () => {} });
    const caller = router.createCaller({ log, now: () => new Date(), viewer: { ...finance, roles: ['admin'] } });
    await expect(caller.forgotten()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
