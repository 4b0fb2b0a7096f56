/** Running one of the host's jobs once beside the e2e system, as an operator would: `main.ts --run-job`. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { e2eServices } from './services.ts';

const hostMain = fileURLToPath(new URL('../../apps/host/src/main.ts', import.meta.url));

/** What the run did, as the host reports it: `{ markedOverdue: 1, reminded: 1 }`. */
export interface JobReport {
  job: string;
  asOf: string | null;
  outcome: string;
  counts: Record<string, number> | null;
  error: string | null;
}

/**
 * Runs the job once, its clock moved to `asOf`, on the e2e system's stores; resolves with its report when it exits.
 * A run that finds the running host's scheduler holding the job's lease is skipped: it is asked again until it runs.
 */
export async function runJobOnce(job: string, asOf: Date): Promise<JobReport> {
  let report: JobReport | undefined;
  await expect
    .poll(async () => (report = await runHostJob(job, asOf)).outcome, { timeout: 60_000, intervals: [0] })
    .not.toBe('skipped');
  return report!;
}

async function runHostJob(job: string, asOf: Date): Promise<JobReport> {
  const { hostEnv } = await e2eServices();
  const child = spawn(process.execPath, [hostMain, '--run-job', job, '--as-of', asOf.toISOString()], {
    env: { ...process.env, ...hostEnv, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = stdout.split('\n').find((each) => each.includes(`"job":"${job}"`));
  // A run that did not succeed still reports, and exits with 1; no report means the host could not run it.
  if (!line) throw new Error(`--run-job ${job} exited with ${code} and no report:\n${stdout}\n${stderr}`);
  return JSON.parse(line) as JobReport;
}
