/**
 * A built apps folder for host tests, without an Angular build: each app's server bundle has the shape of
 * packages/web-kit/src/server.ts and renders a page from what it reads through the host's in-process tRPC link
 * (the customer site: the catalogue, a launch, who is signed in), counting its renders; each browser folder holds
 * a hashed script with the .br and .gz copies the build writes.
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
const customerSite = ${JSON.stringify(app === 'customer-web')};
export function createSsrHandler() {
  const render = async (req, context) => {
    globalThis.testRenders = globalThis.testRenders ?? {};
    globalThis.testRenders[${JSON.stringify(app)}] = (globalThis.testRenders[${JSON.stringify(app)}] ?? 0) + 1;
    const api = createTRPCClient({ links: [context.trpcLink] });
    const path = req.url.split('?')[0];
    let status = 200;
    let shown = '';
    if (customerSite && path.startsWith('/launches/')) {
      const slug = decodeURIComponent(path.slice('/launches/'.length));
      shown = await api.catalogue.launch.query({ slug }).then(
        (launch) => '<h2>' + launch.missionName + ' ' + launch.status + '</h2>',
        () => ((status = 404), '<h2>Not found</h2>'),
      );
    } else if (customerSite) {
      const { launches } = await api.catalogue.list.query();
      shown = launches.map((launch) => '<li>' + launch.missionName + ' ' + launch.status + '</li>').join('');
    }
    const signedIn = customerSite && Boolean(await api.me.query());
    const body = '<!doctype html><html><body><script nonce="' + context.cspNonce + '">/* ${app} */</script>' +
      '<h1>' + req.url + '</h1><p>' + (signedIn ? 'Signed in' : 'Anonymous') + '</p>' + shown +
      '<footer>' + 'the launch catalogue '.repeat(100) + '</footer></body></html>';
    return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  };
  const handler = (req, res, next, context) => {
    render(req, context)
      .then(async (response) => {
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        res.end(await response.text());
      })
      .catch(next);
  };
  return Object.assign(handler, { render });
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
