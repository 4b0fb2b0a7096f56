/** Loads the four Angular server bundles and serves each app, its static files and its SSR pages, at its mount path. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import express, { type Request, type RequestHandler, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { SsrRequestContext } from '@astro/web-kit/ssr-context';
import type { PageCache } from './page-cache.ts';

export interface SsrApp {
  /** The app's folder under apps/ and the audience whose router it calls. */
  app: 'customer-web' | 'supplier-portal' | 'employee-portal' | 'ops-dashboard';
  audience: 'customer' | 'supplier' | 'admin' | 'ops';
  mountPath: '/' | '/supplier' | '/admin' | '/ops';
}

export const ssrApps: SsrApp[] = [
  { app: 'supplier-portal', audience: 'supplier', mountPath: '/supplier' },
  { app: 'employee-portal', audience: 'admin', mountPath: '/admin' },
  { app: 'ops-dashboard', audience: 'ops', mountPath: '/ops' },
  // Last: the customer site answers everything the others do not.
  { app: 'customer-web', audience: 'customer', mountPath: '/' },
];

/** What each app's `server.ts` exports (see packages/web-kit/src/server). */
interface ServerBundle {
  createSsrHandler(options: { allowedHosts: string[] }): ((
    req: Request,
    res: express.Response,
    next: express.NextFunction,
    context: SsrRequestContext,
  ) => void) & {
    render(req: Request, context: SsrRequestContext): Promise<globalThis.Response | null>;
  };
}

/** Hashed build files (and their precompressed copies) never change; everything else must be revalidated. */
const hashedFile = /[.-][A-Z0-9]{8,}\.(?:js|css|woff2?)(?:\.br|\.gz)?$/;

export interface MountedSsrApp {
  router: Router;
  /** Renders the app's failure page for this request (status 500, the request id); `next` if even that fails. */
  renderFailure: (req: Request, res: express.Response, next: express.NextFunction) => void;
}

export async function mountSsrApp(
  distRoot: string,
  spec: SsrApp,
  allowedHosts: string[],
  contextFor: (req: Request, res: express.Response) => SsrRequestContext,
  /** The customer site's cache of the pages every anonymous visitor sees alike. */
  pageCache?: PageCache,
): Promise<MountedSsrApp> {
  const dist = join(distRoot, spec.app, 'dist');
  const serverEntry = join(dist, 'server', 'server.mjs');
  if (!existsSync(serverEntry)) {
    throw new Error(`The ${spec.app} app is not built (missing ${serverEntry}). Run \`pnpm build\` first.`);
  }
  const bundle = (await import(pathToFileURL(serverEntry).href)) as ServerBundle;
  const render = bundle.createSsrHandler({ allowedHosts });
  const router = express.Router();
  router.use(
    // The build's .br and .gz copies (scripts/precompress.ts), chosen by the request's Accept-Encoding.
    expressStaticGzip(join(dist, 'browser'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        redirect: false,
        setHeaders(res, path) {
          res.setHeader(
            'Cache-Control',
            hashedFile.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
          );
        },
      },
    }),
  );
  const handler: RequestHandler = (req, res, next) => {
    // The portals' pages are a signed-in person's; the host marks any other response to a request with cookies.
    if (spec.audience !== 'customer') res.setHeader('Cache-Control', 'no-store');
    res.vary('Cookie');
    const context = contextFor(req, res);
    if (pageCache?.serves(req)) {
      pageCache
        .send(req, res, (placeholder) => render.render(req, { ...context, cspNonce: placeholder }), context.cspNonce!)
        .then((sent) => sent || next(), next);
      return;
    }
    render(req, res, next, context);
  };
  router.use(handler);
  return {
    router,
    renderFailure(req, res, next) {
      const failure = { requestId: String(res.getHeader('x-request-id')) };
      res.setHeader('Cache-Control', 'no-store');
      render(req, res, next, { ...contextFor(req, res), failure });
    },
  };
}
