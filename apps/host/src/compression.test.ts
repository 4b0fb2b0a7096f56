/** Every response the host sends is compressed for a browser that accepts it: pages, API answers and build files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';
import {
  decoded,
  hashedScript,
  hashedScriptText,
  rawGet,
  testAppsRoot,
  type RawResponse,
} from './ssr-apps.test-support.ts';

const varies = (response: RawResponse, header: string) =>
  String(response.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes(header.toLowerCase());

describe('compressed responses', () => {
  let test: TestStores;
  let host: { close(): void; url: string };
  const log = createLogger({ service: 'host', level: 'debug', write: () => {} });

  beforeAll(async () => {
    test = await openTestStores();
    const served = await serve(test, log, { appsRoot: await testAppsRoot() });
    host = { url: served.url, close: () => served.server.close() };
  });
  afterAll(async () => {
    host.close();
    await test.drop();
  });

  it('send a page with Brotli to a browser that takes it, gzip to one that takes only that', async () => {
    const brotli = await rawGet(`${host.url}/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(varies(brotli, 'Accept-Encoding')).toBe(true);
    expect(decoded(brotli)).toContain('<h1>/</h1>');

    const gzip = await rawGet(`${host.url}/`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toContain('<h1>/</h1>');

    const plain = await rawGet(`${host.url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('<h1>/</h1>');
  });

  it('compress an API answer', async () => {
    const response = await rawGet(`${host.url}/api/customer/catalogue.list`, { 'accept-encoding': 'br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(varies(response, 'Accept-Encoding')).toBe(true);
    expect(JSON.parse(decoded(response))).toMatchObject({ result: { data: { launches: expect.any(Array) } } });
  });

  it('serve a build file from its precompressed copy, byte for byte the file once decoded, cached for good', async () => {
    for (const encoding of ['br', 'gzip']) {
      const response = await rawGet(`${host.url}/${hashedScript}`, { 'accept-encoding': encoding });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(varies(response, 'Accept-Encoding')).toBe(true);
      expect(decoded(response)).toBe(hashedScriptText);
    }
    const plain = await rawGet(`${host.url}/${hashedScript}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(hashedScriptText);
  });

  it('serve each portal’s build files compressed at its mount path', async () => {
    const response = await rawGet(`${host.url}/ops/${hashedScript}`, { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(decoded(response)).toBe(hashedScriptText);
  });
});
