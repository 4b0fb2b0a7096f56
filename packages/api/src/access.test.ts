import { describe, expect, test } from 'vitest';
import { authorize, type Viewer } from './access.ts';

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
