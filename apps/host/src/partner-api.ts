/**
 * The partner catalogue API at /api/partner: read-only JSON for integrations holding a client-credentials token
 * with the `catalogue:read` scope. Cookies mean nothing here; only the bearer token does. Each partner client has
 * its own request limit (`partnerRequestsPerClient`), counted across all its tokens and every host.
 */
import express, { type Response, type Router } from 'express';
import { PartnerRequestError, type PartnerCatalogue } from '@astro/api';
import { limitBy, verifyPartnerToken, type AuthService, type Limit } from '@astro/auth';
import type { Logger } from '@astro/logging';

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message } });

export function partnerApi(options: {
  provider: AuthService['provider'];
  catalogue: PartnerCatalogue;
  /** Requests per partner client. */
  limit: Limit;
  log: Logger;
}): Router {
  const { catalogue, log } = options;
  const router = express.Router();

  router.use(async (req, res, next) => {
    const access = await verifyPartnerToken(options.provider, req.headers.authorization);
    if (!access.ok) {
      // RFC 6750: the challenge tells a client library what went wrong without reading the body (ASCII only).
      res.setHeader(
        'WWW-Authenticate',
        `Bearer realm="astro-bookings-partner", error="${access.error}", error_description="${access.message.replaceAll('"', "'").replace(/[^\x20-\x7e]/g, '')}"`,
      );
      refuse(res, access.status, access.error, access.message);
      return;
    }
    res.locals['partner'] = access.clientId;
    next();
  });
  const { points, seconds } = options.limit.rule;
  router.use(
    limitBy(
      options.limit,
      (_req, res) => String(res.locals['partner']),
      (_req, res, retryAfterSeconds) => {
        log.warn('Partner request refused: over its limit', { partner: res.locals['partner'] });
        res.json({
          error: {
            code: 'too_many_requests',
            message: `This client has made its ${points} requests allowed per ${seconds} seconds, across all its tokens. Try again in ${retryAfterSeconds} seconds (the Retry-After header says so too), and spread requests out: one list of up to 100 launches costs as much as one launch.`,
          },
        });
      },
    ),
  );

  const serve =
    (read: (req: express.Request) => Promise<unknown>): express.RequestHandler =>
    async (req, res, next) => {
      try {
        res.json(await read(req));
      } catch (error) {
        if (error instanceof PartnerRequestError)
          refuse(res, error.status, error.status === 404 ? 'not_found' : 'invalid_request', error.message);
        else next(error);
      }
    };
  router.get(
    '/launches',
    serve((req) => catalogue.launches(req.query as Record<string, unknown>)),
  );
  router.get(
    '/launches/:slug',
    serve((req) => catalogue.launch(String(req.params['slug']))),
  );
  router.use((req, res) => {
    log.debug('Partner asked for an unknown path', { partner: res.locals['partner'], path: req.originalUrl });
    refuse(
      res,
      404,
      'not_found',
      `There is no partner API at ${req.method} ${req.originalUrl}; there are GET /api/partner/launches and GET /api/partner/launches/<slug>.`,
    );
  });
  return router;
}
