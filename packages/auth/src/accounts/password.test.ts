import { describe, expect, test } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('passwords', () => {
  test('a hash verifies its own password and no other', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery!', hash)).toBe(false);
  });

  test('the same password hashes differently for every account (per-account salt)', async () => {
    const [a, b] = await Promise.all([hashPassword('same password 1'), hashPassword('same password 1')]);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
  });

  test('a stored value of another scheme never verifies', async () => {
    expect(await verifyPassword('anything at all', 'plain$anything at all')).toBe(false);
  });

  test('short passwords are refused with the rule in the message', () => {
    expect(passwordProblem('short')).toBe('Use at least 10 characters for your password.');
    expect(passwordProblem('long enough now')).toBeNull();
  });
});
