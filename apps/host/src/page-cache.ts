/**
 * The customer site's public pages (the catalogue and each launch's page) look the same to every visitor who is
 * not signed in, so the host renders each once per catalogue version and address, not once per request.
 *
 * The catalogue version is a counter the sync bumps in the Customer DB whenever it applies a catalogue change
 * (@astro/db/customer, catalogue-version.ts). Each host reads it at most once per `versionCheckMs`, the first
 * request after that waiting for the read, so no host serves a page older than the last change by more than
 * that, however many hosts there are. Seat counts move with bookings without a new version; `ttlMs` bounds how
 * long a page shows them stale (the booking itself always checks the seats).
 *
 * A signed-in traveler's catalogue differs from a visitor's only by who the page says is signed in, so it is kept
 * per traveler (keyed by everything the page shows of them) and never shared: it stays no-store, as every answer
 * to a request with cookies. Their launch pages show their own waiting-list places and are always rendered.
 *
 * A cached page is rendered with a placeholder for the Content-Security-Policy nonce, which each response
 * replaces with its own; an anonymous one carries `Cache-Control` that lets a CDN keep it briefly too.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Viewer } from '@astro/api';

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: string;
}

export interface PageCacheOptions {
  /** The catalogue's version as the sync last set it (one read by primary key). */
  catalogueVersion: () => Promise<number>;
  /** Whether a request carries a customer session cookie, valid or not. */
  carriesSession: (req: Request) => boolean;
  /** Who is signed in to the customer site on this request (the same lookup the page's render makes). */
  viewerOf: (req: Request) => Promise<Viewer | null>;
  versionCheckMs?: number;
  ttlMs?: number;
}

/** The customer site's addresses whose page is the same for every anonymous visitor. */
const publicPage = /^\/(?:launches\/[^/]+)?$/;
/** Those whose page is the same for every visit of one signed-in traveler. */
const cataloguePage = '/';

/** For browsers a few seconds, for a CDN a little longer, and served stale while it fetches the page again. */
export const publicPageCacheControl = 'public, max-age=5, s-maxage=10, stale-while-revalidate=30';

export function createPageCache(options: PageCacheOptions) {
  const versionCheckMs = options.versionCheckMs ?? 1_000;
  const nonce = `cached-page-nonce-${randomBytes(12).toString('hex')}`;
  const pages = new LRUCache<string, CachedPage>({
    max: 1_000,
    // Filters make many addresses of one page; the bytes, not the count, are what a flood of them would cost.
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (page) => page.body.length + 1,
    ttl: options.ttlMs ?? 10_000,
  });
  /** Renders that are under way, so a crowd arriving at a cold page waits for one render, not one each. */
  const rendering = new Map<string, Promise<CachedPage | null>>();

  let version: { value: number; readAt: number } | null = null;
  let reading: Promise<number> | null = null;
  async function currentVersion(): Promise<number> {
    if (version && performance.now() - version.readAt < versionCheckMs) return version.value;
    reading ??= options
      .catalogueVersion()
      .then((value) => {
        if (version && version.value !== value) pages.clear();
        version = { value, readAt: performance.now() };
        return value;
      })
      .finally(() => (reading = null));
    return reading;
  }

  /** The address as its page depends on it: the same filters in any order are one page. */
  function keyOf(req: Request): string {
    const url = new URL(req.originalUrl, 'http://host');
    url.searchParams.sort();
    return `${req.headers.host ?? ''}${url.pathname}${url.search}`;
  }

  return {
    /** Whether this request's page may come from the cache (a GET of a public page, or a traveler's catalogue). */
    serves(req: Request): boolean {
      return (
        (req.method === 'GET' || req.method === 'HEAD') &&
        publicPage.test(req.path) &&
        !req.headers['x-forwarded-prefix'] &&
        (req.path === cataloguePage || !options.carriesSession(req))
      );
    },

    /**
     * Sends the request's page from the cache, or renders it (with the placeholder nonce) and keeps it if it is a
     * page that exists; false when the app has no page for the address.
     */
    async send(
      req: Request,
      res: Response,
      render: (placeholderNonce: string) => Promise<globalThis.Response | null>,
      cspNonce: string,
    ): Promise<boolean> {
      const viewer = options.carriesSession(req) ? await options.viewerOf(req) : null;
      const key = `${await currentVersion()}:${viewer ? JSON.stringify(viewer) : 'anonymous'}:${keyOf(req)}`;
      let page = pages.get(key) ?? null;
      if (!page) {
        let pending = rendering.get(key);
        if (!pending) {
          pending = render(nonce)
            .then(async (response) => {
              if (!response) return null;
              const rendered = { status: response.status, headers: [...response.headers], body: await response.text() };
              // A page that sets a cookie was someone's own; a missing one is not kept, so no address fills it.
              if (rendered.status === 200 && !response.headers.has('set-cookie')) pages.set(key, rendered);
              return rendered;
            })
            .finally(() => rendering.delete(key));
          rendering.set(key, pending);
        }
        page = await pending;
        if (!page) return false;
      }
      res.status(page.status);
      for (const [name, value] of page.headers) {
        if (name === 'vary') res.vary(value);
        else if (name !== 'content-length') res.setHeader(name, value);
      }
      // A request with cookies keeps the host's no-store: a shared cache must never hold an answer to one.
      if (page.status === 200 && !req.headers.cookie) res.setHeader('Cache-Control', publicPageCacheControl);
      res.send(page.body.replaceAll(nonce, cspNonce));
      return true;
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
