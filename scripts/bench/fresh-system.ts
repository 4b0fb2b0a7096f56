/**
 * A fresh demo system for one benchmark run: empty embedded databases in .data/bench, seeded, on free ports.
 * It runs as a child process of the benchmark because runSystem owns its process (it exits when stopped).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test-support/free-port.ts';
import { runSystem } from '../system.ts';

const logFile = fileURLToPath(new URL('../../.data/bench.log', import.meta.url));
const readyWithinMs = 5 * 60_000;
/** The embedded databases' ports, chosen by the benchmark so that it can reach them too. */
const portsVariable = 'BENCH_SYSTEM_PORTS';

export interface FreshSystem {
  url: string;
  /** Its FerretDB, through the write gate, for a benchmark's bare-store figure beside the system's. */
  mongoUrl: string;
  stop(): Promise<void>;
}

/** Whether a system answers at `url` with every database reachable. */
export function isReady(url: string): Promise<boolean> {
  return fetch(`${url}/readyz`).then(
    (response) => response.ok,
    () => false,
  );
}

export async function startFreshSystem(): Promise<FreshSystem> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const ports = { postgres: await freePort(), mongo: await freePort(), smtp: await freePort() };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: url,
    [portsVariable]: JSON.stringify(ports),
  };
  // Fresh means the embedded databases: a configured DATABASE_URL or MONGO_URL would be someone's data.
  delete env['DATABASE_URL'];
  delete env['MONGO_URL'];
  delete env['SMTP_URL'];
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { env, stdio: ['ignore', log, log] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The fresh system stopped while starting; see ${logFile}.`);
    if (await isReady(url)) return { url, mongoUrl: `mongodb://127.0.0.1:${ports.mongo}/`, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The fresh system was not ready within ${readyWithinMs / 60_000} minutes; see ${logFile}.`);
}

if (import.meta.main) {
  const ports = JSON.parse(process.env[portsVariable]!) as { postgres: number; mongo: number; smtp: number };
  await runSystem({ dataDir: '.data/bench', fresh: true, ports, env: process.env });
}
