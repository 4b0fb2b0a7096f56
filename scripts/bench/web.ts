/**
 * The web benchmark (issue 15, "Pages"): on its own fresh system, 32 connections load each page the host renders
 * and, in turns with it in the same run, the same bytes as a static file from the same host; and tRPC's
 * `catalogue.list` beside a bare Express route answering the same data. The host mounts those comparison routes
 * only because this benchmark sets BENCH_WEB_DIR (apps/host/src/bench-routes.ts). Then the front end's figures on
 * the same system: Lighthouse mobile and each app's initial JS (scripts/bench/web-front-end.ts).
 *
 *   scripts/bench/web [--seconds 5] [--rounds 2] [--connections 32]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { CatalogueEntry } from '@astro/api';
import { demoPassword, demoTravelerEmails } from '@astro/db/seed';
import { TestBrowser } from '../../apps/host/src/sessions/browser.test-support.ts';
import { percentile, printTable } from './figures.ts';
import { startFreshSystem } from './fresh-system.ts';
import { printFrontEndFigures } from './web-front-end.ts';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
  },
});
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);

/**
 * Signed-in `/` before the render cache (with compression already on), measured with this benchmark on this kind
 * of machine (2 cores, shared with other work) on 2026-12-02; the goal is 5× it.
 */
const signedInToday = { reqPerSecond: 26.7, measuredOn: '2026-12-02' };

/** What a browser sends for a page: it takes Brotli and gzip, as every browser today does. */
const pageHeaders = { accept: 'text/html', 'accept-encoding': 'br, gzip' };
const apiHeaders = { accept: 'application/json', 'accept-encoding': 'br, gzip' };

interface Load {
  name: string;
  path: string;
  headers: Record<string, string>;
}
interface Measured {
  name: string;
  requests: number;
  failures: number;
  seconds: number;
  latencyMs: number[];
}

function load(url: string, target: Load, measured: Measured): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${url}${target.path}`, connections, duration: seconds, headers: target.headers },
      (error, result) => {
        if (error) return reject(error);
        measured.seconds += result.duration;
        measured.failures += result.errors + result.timeouts;
        resolve();
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      measured.requests++;
      if (statusCode >= 300) measured.failures++;
      measured.latencyMs.push(responseTime);
    });
  });
}

/** Each pair loaded in turns, `rounds` times, so a busy moment of the machine falls on both sides alike. */
async function pair(url: string, a: Load, b: Load): Promise<[Measured, Measured]> {
  const figures = [a, b].map((target) => ({
    name: target.name,
    requests: 0,
    failures: 0,
    seconds: 0,
    latencyMs: [] as number[],
  })) as [Measured, Measured];
  for (let round = 0; round < rounds; round++) {
    await load(url, a, figures[0]);
    await load(url, b, figures[1]);
  }
  return figures;
}

const reqPerSecond = (m: Measured) => m.requests / m.seconds;
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

const started = performance.now();
const staticDir = fileURLToPath(new URL('../../.data/bench-web', import.meta.url));
rmSync(staticDir, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });
process.env['BENCH_WEB_DIR'] = staticDir;
const fresh = await startFreshSystem();
try {
  const { url } = fresh;
  const catalogue = (await (await fetch(`${url}/api/customer/catalogue.list`)).json()) as {
    result: { data: { launches: CatalogueEntry[] } };
  };
  const launch = catalogue.result.data.launches[0]!;
  const traveler = new TestBrowser(url);
  await traveler.signIn('customer', demoTravelerEmails[0]!, demoPassword);
  const signedIn = { ...pageHeaders, cookie: traveler.cookieHeader() };

  // The static copies: the very HTML each page rendered, saved where the bench route serves it.
  const pages = [
    { file: 'catalogue.html', path: '/', headers: pageHeaders },
    { file: 'launch.html', path: `/launches/${launch.slug}`, headers: pageHeaders },
    { file: 'signed-in.html', path: '/', headers: signedIn },
  ];
  for (const page of pages) {
    const response = await fetch(`${url}${page.path}`, { headers: page.headers });
    if (!response.ok) throw new Error(`${page.path} answered HTTP ${response.status}.`);
    writeFileSync(join(staticDir, page.file), await response.text());
  }
  const bare = await fetch(`${url}/bench/catalogue`);
  if (!bare.ok) throw new Error(`The bench routes are not mounted (HTTP ${bare.status}); is BENCH_WEB_DIR read?`);

  console.log(
    `Web benchmark against a fresh system at ${url}: ${connections} connections, ${rounds} turns of ${seconds} s ` +
      'per side, each pair in turns; pages asked for with Accept-Encoding: br, gzip.\n',
  );
  const staticCopy = (file: string, headers: Record<string, string>): Load => ({
    name: 'static copy',
    path: `/bench/static/${file}`,
    headers,
  });
  const comparisons: { title: string; goal: string; measured: Load; limit: Load }[] = [
    {
      title: 'anonymous catalogue /',
      goal: '≥ 50 % of static',
      measured: { name: 'catalogue /', path: '/', headers: pageHeaders },
      limit: staticCopy('catalogue.html', pageHeaders),
    },
    {
      title: 'launch page',
      goal: '≥ 50 % of static',
      measured: { name: 'launch page', path: `/launches/${launch.slug}`, headers: pageHeaders },
      limit: staticCopy('launch.html', pageHeaders),
    },
    {
      title: 'signed-in /',
      goal: 'its own goal below',
      measured: { name: 'signed-in /', path: '/', headers: signedIn },
      limit: staticCopy('signed-in.html', signedIn),
    },
    {
      title: 'tRPC catalogue.list',
      goal: 'beside the bare route',
      measured: { name: 'tRPC catalogue.list', path: '/api/customer/catalogue.list', headers: apiHeaders },
      limit: { name: 'bare route', path: '/bench/catalogue', headers: apiHeaders },
    },
  ];
  const rows: [string, (m: Measured) => string | number][] = [
    ['requests', (m) => m.requests],
    ['failed (HTTP ≥ 300, errors)', (m) => m.failures],
    ['req/s', (m) => reqPerSecond(m).toFixed(1)],
    ['p50 / p99 ms', (m) => `${Math.round(percentile(m.latencyMs, 50))} / ${Math.round(percentile(m.latencyMs, 99))}`],
  ];
  const results: Measured[] = [];
  for (const { title, goal, measured, limit } of comparisons) {
    const figures = await pair(url, measured, limit);
    results.push(...figures);
    console.log(
      `${title}: ${percent(reqPerSecond(figures[0]), reqPerSecond(figures[1]))} of the rate beside it (${goal})`,
    );
    printTable(figures, rows);
    console.log('');
  }
  const signedInRate = reqPerSecond(results[4]!);
  const today = signedInToday.reqPerSecond;
  console.log(
    `signed-in /: ${signedInRate.toFixed(1)} req/s, ${(signedInRate / today).toFixed(1)}× the ${today} req/s ` +
      `measured on ${signedInToday.measuredOn} before the render cache (goal ≥ 5×)`,
  );
  if (results.some((m) => m.failures > 0)) process.exitCode = 1;

  console.log('');
  await printFrontEndFigures(fresh.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await fresh.stop();
  console.log(`\nThe web benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}
