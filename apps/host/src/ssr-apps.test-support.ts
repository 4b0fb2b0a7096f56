/**
 * A built apps folder for host tests, without an Angular build: each app's server bundle renders a page from
 * the catalogue it reads through the host's in-process tRPC link (as the real apps do) and counts its renders,
 * and each browser folder holds a hashed script with the .br and .gz copies the build writes.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressFolder } from './precompress.ts';
import { ssrApps } from './ssr.ts';

export const hashedScript = 'main-ABCD1234.js';
/** Larger than any compression threshold, and compressible. */
export const hashedScriptText = `${'console.log("the launch catalogue");\n'.repeat(200)}`;

const trpcClient = pathToFileURL(createRequire(import.meta.url).resolve('@trpc/client')).href;

const serverBundle = (app: string) => `
import { createTRPCClient } from ${JSON.stringify(trpcClient)};
export function createSsrHandler() {
  return async (req, res, next, context) => {
    try {
      globalThis.testRenders = globalThis.testRenders ?? {};
      globalThis.testRenders[${JSON.stringify(app)}] = (globalThis.testRenders[${JSON.stringify(app)}] ?? 0) + 1;
      const api = createTRPCClient({ links: [context.trpcLink] });
      const launches = ${app === 'customer-web' ? '(await api.catalogue.list.query()).launches.map((launch) => launch.missionName + " " + launch.status)' : '[]'};
      const signedIn = ${app === 'customer-web' ? 'Boolean(await api.me.query())' : 'false'};
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html><body><script>/* ${app} */</script><h1>' + req.url + '</h1>' +
        (signedIn ? '<p>Signed in</p>' : '<p>Anonymous</p>') +
        JSON.stringify(launches) + '<footer>' + 'the launch catalogue '.repeat(100) + '</footer></body></html>');
    } catch (error) {
      next(error);
    }
  };
}
`;

/** How many pages each app rendered since the test started. */
export const renders = (app = 'customer-web'): number =>
  ((globalThis as { testRenders?: Record<string, number> }).testRenders ?? {})[app] ?? 0;

/** Writes the four apps' builds into a new temporary folder and returns it (the host's `appsRoot`). */
export async function testAppsRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'astro-apps-'));
  for (const { app } of ssrApps) {
    const dist = join(root, app, 'dist');
    await mkdir(join(dist, 'server'), { recursive: true });
    await mkdir(join(dist, 'browser'), { recursive: true });
    await writeFile(join(dist, 'server', 'server.mjs'), serverBundle(app));
    await writeFile(join(dist, 'browser', hashedScript), hashedScriptText);
    await precompressFolder(join(dist, 'browser'));
  }
  return root;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire, still encoded. */
  body: Buffer;
}

/** A GET that leaves the body as it came (fetch would decode it). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

export const decoded = ({ headers, body }: RawResponse): string =>
  (headers['content-encoding'] === 'br'
    ? brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? gunzipSync(body)
      : body
  ).toString('utf8');
