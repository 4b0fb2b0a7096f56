/** Brute-force rules for sign-in: pure functions of the account's lockout state and the clock. */
import type { Lockout } from '@astro/db/system';

export const lockoutRule = { failuresBeforeLock: 5, lockMinutes: 15 } as const;
/** Failed sign-ins allowed from one address per window, across all accounts. */
export const addressRule = { failuresPerWindow: 20, windowMinutes: 15 } as const;

export const unlocked: Lockout = { failedAttempts: 0, lockedUntil: null };

export function isLocked(lockout: Lockout, now: Date): boolean {
  return lockout.lockedUntil !== null && lockout.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed sign-in; a lock that has run out starts the count again. */
export function afterFailure(lockout: Lockout, now: Date): Lockout {
  const expired = lockout.lockedUntil !== null && !isLocked(lockout, now);
  const failedAttempts = (expired ? 0 : lockout.failedAttempts) + 1;
  return {
    failedAttempts,
    lockedUntil:
      failedAttempts >= lockoutRule.failuresBeforeLock
        ? new Date(now.getTime() + lockoutRule.lockMinutes * 60_000)
        : null,
  };
}

/** Minutes (rounded up) until a locked account may try again. */
export function minutesLeft(lockout: Lockout, now: Date): number {
  return lockout.lockedUntil ? Math.max(1, Math.ceil((lockout.lockedUntil.getTime() - now.getTime()) / 60_000)) : 0;
}

/** The fixed window an address's failures are counted in. */
export function addressWindow(address: string, now: Date): { key: string; endsAt: Date } {
  const size = addressRule.windowMinutes * 60_000;
  const start = Math.floor(now.getTime() / size) * size;
  return { key: `ip:${address}:${start}`, endsAt: new Date(start + size) };
}
