/**
 * The portals are for their roles only: a page request without a session goes to sign-in, and someone
 * signed in without the role gets a refusal, before anything renders. (The routers check again on every call.)
 */
import type { RequestHandler } from 'express';
import { appClientOf, authPage, html, sessionRoutes } from '@astro/auth';
import type { WebApp } from '@astro/db/system';
import type { WebSessions } from './web-sessions.ts';

const assetPath = /\.[a-z0-9]+$/i;

export function portalGuard(app: WebApp, sessions: WebSessions): RequestHandler {
  const client = appClientOf(app);
  const routes = sessionRoutes(client);
  return async (req, res, next) => {
    if (assetPath.test(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    try {
      const viewer = await sessions.viewerOf(app, req);
      if (!viewer) {
        res.redirect(303, `${routes.signIn}?returnTo=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      if (viewer.roles.some((role) => client.roles.includes(role))) return next();
      res
        .status(403)
        .setHeader('Cache-Control', 'no-store')
        .send(
          authPage({
            title: 'This portal is not for your account',
            body: html`<p>
                You are signed in as ${viewer.email}, which cannot use the ${client.name}. If you need access, ask an
                Astro Bookings administrator.
              </p>
              <form method="post" action="${routes.signOut}">
                <div class="actions">
                  <button type="submit">Sign out</button>
                  <a href="/">Go to Astro Bookings</a>
                </div>
              </form>`,
          }),
        );
    } catch (error) {
      next(error);
    }
  };
}
