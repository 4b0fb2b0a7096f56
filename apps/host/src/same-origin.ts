/**
 * CSRF defence for the APIs: the session cookie is SameSite=Lax, so other sites' pages cannot send it with
 * a POST; and a state-changing request that names another origin (or a cross-site fetch) is refused outright.
 */
import type { RequestHandler } from 'express';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginWrites(publicUrl: string): RequestHandler {
  const origin = new URL(publicUrl).origin;
  return (req, res, next) => {
    if (safeMethods.has(req.method)) return next();
    const from = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if ((from && from !== origin) || site === 'cross-site') {
      res.status(403).json({ error: { message: 'Changes must come from an Astro Bookings page.' } });
      return;
    }
    next();
  };
}
