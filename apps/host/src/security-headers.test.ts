import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

async function serveWith(publicUrl: string): Promise<{ server: Server; url: string }> {
  const app = express();
  app.use(securityHeaders({ publicUrl }));
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('security headers', () => {
  let local: { server: Server; url: string };
  let production: { server: Server; url: string };
  beforeAll(async () => {
    local = await serveWith('http://localhost:4000');
    production = await serveWith('https://astro.example');
  });
  afterAll(() => {
    local.server.close();
    production.server.close();
  });

  it('allow only our own files and this response’s inline code, and no framing', async () => {
    const response = await fetch(local.url);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('use a new nonce for every response', async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await fetch(local.url)).headers.get('content-security-policy')!)![1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it('ask for HTTPS only where the product is served over HTTPS', async () => {
    expect((await fetch(local.url)).headers.get('strict-transport-security')).toBeNull();
    const response = await fetch(production.url);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
