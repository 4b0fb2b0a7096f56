import { describe, expect, test } from 'vitest';
import { addressWindow, afterFailure, isLocked, lockoutRule, minutesLeft, unlocked } from './lockout.ts';

const now = new Date('2026-11-25T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('account lockout', () => {
  test(`locks on the ${lockoutRule.failuresBeforeLock}th failure in a row, for ${lockoutRule.lockMinutes} minutes`, () => {
    let state = unlocked;
    for (let i = 1; i < lockoutRule.failuresBeforeLock; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(minutesLeft(state, later(1))).toBe(lockoutRule.lockMinutes - 1);
    expect(isLocked(state, later(lockoutRule.lockMinutes))).toBe(false);
  });

  test('once a lock has run out, one more failure does not lock again at once', () => {
    let state = unlocked;
    for (let i = 0; i < lockoutRule.failuresBeforeLock; i++) state = afterFailure(state, now);
    state = afterFailure(state, later(lockoutRule.lockMinutes + 1));
    expect(state).toEqual({ failedAttempts: 1, lockedUntil: null });
  });

  test('failures from one address are counted per fixed window', () => {
    const a = addressWindow('203.0.113.7', now);
    expect(addressWindow('203.0.113.7', later(1)).key).toBe(a.key);
    expect(addressWindow('203.0.113.8', now).key).not.toBe(a.key);
    expect(a.endsAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
