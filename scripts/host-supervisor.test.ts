import { describe, expect, it } from 'vitest';
import { afterHostExit, maxQuickRestarts, stableAfterMs } from './host-supervisor.ts';

describe('what the start command does when the host exits', () => {
  it('restarts a killed or crashed host after 1 s, then 2, 4, 8 s while it keeps dying at once', () => {
    const delays: number[] = [];
    let quickFailures = 0;
    for (let death = 1; death <= 4; death++) {
      const next = afterHostExit({ code: null, signal: 'SIGKILL', ranMs: 2_000 }, quickFailures);
      expect(next).toMatchObject({ action: 'restart', reason: expect.stringContaining('killed by SIGKILL') });
      if (next.action !== 'restart') break;
      quickFailures = next.quickFailures;
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('counts from one again after a host that stayed up a while', () => {
    expect(afterHostExit({ code: 1, signal: null, ranMs: stableAfterMs }, 4)).toEqual({
      action: 'restart',
      delayMs: 1_000,
      quickFailures: 1,
      reason: 'The host exited with code 1; restarting it in 1 s.',
    });
  });

  it('gives up with the exit code of a host that cannot stay up', () => {
    expect(afterHostExit({ code: 3, signal: null, ranMs: 500 }, maxQuickRestarts)).toMatchObject({
      action: 'exit',
      code: 3,
      reason: expect.stringContaining('giving up'),
    });
    expect(afterHostExit({ code: null, signal: 'SIGSEGV', ranMs: 500 }, maxQuickRestarts)).toMatchObject({
      action: 'exit',
      code: 1,
    });
  });

  it('stops with a host that was asked to stop and did', () => {
    expect(afterHostExit({ code: 0, signal: null, ranMs: 500 }, 0)).toMatchObject({ action: 'exit', code: 0 });
  });
});
