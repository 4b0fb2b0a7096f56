/**
 * The front end's figures: Lighthouse mobile (its default config: a mid-range phone on a slow 4G link, simulated)
 * on the catalogue and a launch page, the median of 5 runs beside each goal; and the JavaScript each app's entry
 * page makes the browser download before its load event, gzip bytes beside the 90 kB goal.
 * Alone: `pnpm exec node scripts/bench/web-front-end.ts` (on a fresh system); `scripts/bench/web` calls it too.
 */
import { request } from 'node:http';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { demoAgencies, demoEmployees, demoPassword } from '@astro/db/seed';
import lighthouse from 'lighthouse';
import { freePort } from '../test-support/free-port.ts';
import playwrightConfig from '../../playwright.config.ts';
import { percentile, printTable } from './figures.ts';
import { startFreshSystem } from './fresh-system.ts';

const runs = 5;
const initialJsGoalBytes = 90_000;
interface Account {
  email: string;
  name: string;
}
/** Where each app starts: the customer site's catalogue and a launch page for a visitor, the portals' first page signed in. */
const entryPages = (launchPath: string): { name: string; path: string; account?: Account }[] => [
  { name: 'customer /', path: '/' },
  { name: 'customer launch', path: launchPath },
  { name: 'supplier', path: '/supplier/', account: demoAgencies[0]!.supplier },
  { name: 'employee', path: '/admin/', account: demoEmployees.find((employee) => employee.role === 'admin')! },
  { name: 'ops', path: '/ops/', account: demoEmployees.find((employee) => employee.role === 'operator')! },
];
/** Chromium as the end-to-end tests launch it (the machine's own, with the flags this closed network needs). */
const launchChromium = (args: string[] = []) => {
  const options = playwrightConfig.use?.launchOptions ?? {};
  return chromium.launch({ ...options, args: [...(options.args ?? []), ...args] });
};

interface LighthouseRun {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

interface PageFigures {
  name: string;
  runs: LighthouseRun[];
}

/** The first launch the catalogue links to, as a visitor would reach it. */
async function aLaunchPath(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const path = /href="(\/launches\/[^"?#]+)"/.exec(html)?.[1];
  if (!path) throw new Error('The catalogue page links to no launch.');
  return path;
}

async function lighthouseRuns(port: number, url: string): Promise<LighthouseRun[]> {
  const results: LighthouseRun[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await lighthouse(url, {
      port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${url}.`);
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
    results.push({
      performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories['accessibility']?.score ?? 0) * 100),
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    });
  }
  return results;
}

interface InitialJs {
  name: string;
  scripts: number;
  /** The bytes on the wire, in whatever encoding the host chose for Chromium. */
  receivedBytes: number;
  encodings: Set<string>;
  /** The same scripts as the host sends them to a browser that takes only gzip: the goal's measure. */
  gzipBytes: number;
  rawBytes: number;
}

/** The bytes of `url` on the wire when the request takes gzip alone (fetch would count them decompressed). */
function gzipSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
    })
      .on('error', reject)
      .end();
  });
}

/** A signed-in browser's cookies, from the portal's real sign-in page, with nothing in its cache. */
async function signedIn(browser: Browser, url: string, account: Account): Promise<BrowserContextOptions> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${account.name}`).waitFor();
  const storageState = await context.storageState();
  await context.close();
  return { storageState };
}

/** The scripts an entry page has Chromium fetch until its load event: the module entry, its preloads, early imports. */
async function initialJs(
  browser: Browser,
  baseUrl: string,
  entry: ReturnType<typeof entryPages>[number],
): Promise<InitialJs> {
  const { name, path, account } = entry;
  const context = await browser.newContext(account ? await signedIn(browser, `${baseUrl}${path}`, account) : {});
  const page = await context.newPage();
  const scripts: Promise<{ url: string; received: number; encoding: string; body: Buffer }>[] = [];
  let loaded = false;
  page.on('response', (response) => {
    if (loaded || response.request().resourceType() !== 'script') return;
    scripts.push(
      (async () => ({
        url: response.url(),
        received: (await response.request().sizes()).responseBodySize,
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        body: await response.body(),
      }))(),
    );
  });
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  loaded = true;
  const fetched = await Promise.all(scripts);
  await context.close();
  return {
    name,
    scripts: fetched.length,
    receivedBytes: fetched.reduce((sum, s) => sum + s.received, 0),
    encodings: new Set(fetched.map((s) => s.encoding)),
    gzipBytes: (await Promise.all(fetched.map((s) => gzipSize(s.url)))).reduce((sum, bytes) => sum + bytes, 0),
    rawBytes: fetched.reduce((sum, s) => sum + s.body.length, 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => percentile(values, 50);
const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');

export async function printFrontEndFigures(baseUrl: string): Promise<void> {
  const started = Date.now();
  const launchPath = await aLaunchPath(baseUrl);
  const debuggingPort = await freePort();
  const browser = await launchChromium([`--remote-debugging-port=${debuggingPort}`]);
  try {
    const js: InitialJs[] = [];
    for (const entry of entryPages(launchPath)) js.push(await initialJs(browser, baseUrl, entry));
    const pages: PageFigures[] = [];
    for (const [name, path] of [
      ['catalogue /', '/'],
      [`launch ${launchPath}`, launchPath],
    ] as const) {
      pages.push({ name, runs: await lighthouseRuns(debuggingPort, `${baseUrl}${path}`) });
    }

    console.log(`\nLighthouse mobile (default config, simulated throttling), median of ${runs} runs`);
    const figure = (pick: (run: LighthouseRun) => number) => (page: PageFigures) => median(page.runs.map(pick));
    const performance = figure((run) => run.performance);
    const accessibility = figure((run) => run.accessibility);
    const lcp = figure((run) => run.lcpMs);
    const tbt = figure((run) => run.tbtMs);
    const cls = figure((run) => run.cls);
    printTable(pages, [
      ['performance (goal ≥ 95)', (p) => `${performance(p)} ${verdict(performance(p) >= 95)}`],
      ['  each run', (p) => p.runs.map((run) => run.performance).join(' ')],
      ['LCP (goal ≤ 1.5 s)', (p) => `${(lcp(p) / 1000).toFixed(2)} s ${verdict(lcp(p) <= 1500)}`],
      ['TBT (goal ≤ 150 ms)', (p) => `${Math.round(tbt(p))} ms ${verdict(tbt(p) <= 150)}`],
      ['CLS (goal ≤ 0.05)', (p) => `${cls(p).toFixed(3)} ${verdict(cls(p) <= 0.05)}`],
      ['accessibility (goal 100)', (p) => `${accessibility(p)} ${verdict(accessibility(p) === 100)}`],
    ]);

    console.log('\nInitial JS per entry page: the scripts Chromium fetched before the load event');
    printTable(js, [
      ['scripts', (j) => j.scripts],
      ['raw', (j) => kB(j.rawBytes)],
      ['received', (j) => `${kB(j.receivedBytes)} ${[...j.encodings].join('+')}`],
      ['gzip (goal ≤ 90 kB)', (j) => `${kB(j.gzipBytes)} ${verdict(j.gzipBytes <= initialJsGoalBytes)}`],
    ]);
  } finally {
    await browser.close();
  }
  console.log(`\nFront-end figures took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

if (import.meta.main) {
  const system = await startFreshSystem();
  try {
    await printFrontEndFigures(system.url);
  } finally {
    await system.stop();
  }
}
