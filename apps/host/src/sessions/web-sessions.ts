/**
 * Signing in to the four apps (a backend for frontend): each app is an OpenID Connect client whose tokens
 * stay in the System DB. The browser holds only an opaque, HttpOnly, SameSite cookie per app. Every request
 * finds its session, refreshes the tokens when they are due (so a sign-out or revocation at the
 * authorization server ends the session here too) and loads the person's current roles.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import * as oidc from 'openid-client';
import {
  appClientOf,
  authMountPath,
  authPage,
  clientSecretOf,
  grantStands,
  html,
  readCookie,
  sessionRoutes,
  type AppClient,
} from '@astro/auth';
import type { Viewer } from '@astro/api';
import { User, WebSession, webApps, type SystemOrm, type WebApp } from '@astro/db/system';
import type { Logger } from '@astro/logging';

const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;
const flowLifetimeMs = 10 * 60 * 1000;
/** How long one host may hold a session's refresh before another takes over (its holder died). */
const refreshClaimMs = 10 * 1000;
/** A token request gives up well within its claim, so no other host exchanges the same token meanwhile. */
const tokenRequestTimeoutSeconds = refreshClaimMs / 2 / 1000;
/** Tokens are renewed this long before they run out, so a short failure of the authorization server goes unseen. */
const renewAheadMs = 60 * 1000;

/**
 * The session's tokens are due and could not be renewed just now (the authorization server failed or did not
 * answer): the session stands, and the request is worth trying again in a moment.
 */
export class SessionRenewalUnavailable extends Error {
  override name = 'SessionRenewalUnavailable';
  readonly retryAfterSeconds = 10;
  constructor() {
    super('Your sign-in could not be checked just now. You are still signed in: try again in a moment.');
  }
}

export interface WebSessionsOptions {
  system: SystemOrm;
  log: Logger;
  publicUrl: string;
  /** Where this host itself answers, so it reaches its own authorization server without going round a proxy. */
  internalUrl: () => string;
  clientSecret: string;
  now?: () => Date;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function createWebSessions(options: WebSessionsOptions) {
  const { system, publicUrl } = options;
  const log = options.log.child('sessions');
  const now = options.now ?? (() => new Date());
  const secure = publicUrl.startsWith('https:');
  const cookieName = (app: WebApp) => (secure ? `__Host-ab_${app}` : `ab_${app}`);
  const flowCookie = (app: WebApp) => `ab_flow_${app}`;
  const flowKey = createHmac('sha256', options.clientSecret).update('sign-in flow').digest();
  const em = () => system.em.fork();

  const configurations = new Map<WebApp, Promise<oidc.Configuration>>();
  function configurationOf(client: AppClient): Promise<oidc.Configuration> {
    let configuration = configurations.get(client.app);
    if (!configuration) {
      // The authorization server builds its URLs from the request's host, so the forwarded headers keep
      // them public while the call itself stays inside this host.
      const publicHost = new URL(publicUrl);
      const toInternal: oidc.CustomFetch = (url, init) => {
        if (!url.startsWith(publicUrl)) return fetch(url, init as RequestInit);
        const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
        headers.set('x-forwarded-host', publicHost.host);
        headers.set('x-forwarded-proto', publicHost.protocol.slice(0, -1));
        return fetch(options.internalUrl() + url.slice(publicUrl.length), { ...(init as RequestInit), headers });
      };
      configuration = oidc.discovery(
        new URL(`${publicUrl}${authMountPath}`),
        client.clientId,
        clientSecretOf(client.clientId, options.clientSecret),
        oidc.ClientSecretBasic(),
        {
          [oidc.customFetch]: toInternal,
          execute: secure ? [] : [oidc.allowInsecureRequests],
          timeout: tokenRequestTimeoutSeconds,
        },
      );
      // A failed discovery (the server still starting) must not be remembered.
      configuration.catch(() => configurations.delete(client.app));
      configurations.set(client.app, configuration);
    }
    return configuration;
  }

  const sign = (value: string) => `${value}.${createHmac('sha256', flowKey).update(value).digest('base64url')}`;
  function unsign(signed: string | undefined): string | null {
    if (!signed) return null;
    const dot = signed.lastIndexOf('.');
    const value = signed.slice(0, dot);
    const expected = Buffer.from(sign(value));
    const actual = Buffer.from(signed);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? value : null;
  }

  /** A path inside the app to come back to after signing in; anything else goes to the app's home. */
  function safeReturn(client: AppClient, value: unknown): string {
    const path = typeof value === 'string' ? value : '';
    return path.startsWith(client.mountPath) && !path.startsWith('//') && !path.includes('\\')
      ? path
      : client.mountPath;
  }

  async function endSession(session: WebSession): Promise<void> {
    await em().nativeDelete(WebSession, { id: session.id });
    if (!session.refreshToken) return;
    try {
      await oidc.tokenRevocation(await configurationOf(appClientOf(session.app)), session.refreshToken);
    } catch (error) {
      log.warn('Could not revoke a refresh token at sign-out', { error, app: session.app });
    }
  }

  const due = (session: WebSession) => session.accessExpiresAt.getTime() - renewAheadMs <= now().getTime();
  /** A session whose renewal failed for now: still signed in while its access token lasts. */
  function unrenewed(session: WebSession): WebSession {
    if (session.accessExpiresAt > now()) return session;
    throw new SessionRenewalUnavailable();
  }

  const refreshing = new Map<string, Promise<WebSession | null>>();
  /**
   * Exchanges the refresh token when the access token is due. A rotated token used twice is a replay that
   * revokes the grant, so one exchange runs at a time: once per session in this process, and across hosts
   * the one that claims the session in the System DB exchanges while the others wait for its result.
   */
  function refresh(session: WebSession): Promise<WebSession | null> {
    let pending = refreshing.get(session.id);
    if (!pending) {
      pending = refreshOnce(session.id).finally(() => refreshing.delete(session.id));
      refreshing.set(session.id, pending);
    }
    return pending;
  }

  async function refreshOnce(id: string): Promise<WebSession | null> {
    const deadline = now().getTime() + refreshClaimMs;
    for (;;) {
      const current = await em().findOne(WebSession, id);
      if (!current) return null;
      if (!due(current)) return current;
      // The claim holds only for the tokens just read: when another host stored rotated ones since, it misses,
      // and the next read finds them instead of exchanging (replaying) the old refresh token.
      const claimed = await em().nativeUpdate(
        WebSession,
        {
          id,
          refreshToken: current.refreshToken,
          accessExpiresAt: { $lte: new Date(now().getTime() + renewAheadMs) },
          $or: [{ refreshingUntil: null }, { refreshingUntil: { $lt: now() } }],
        },
        { refreshingUntil: new Date(now().getTime() + refreshClaimMs) },
      );
      if (claimed === 1) return exchange(current);
      if (now().getTime() > deadline) return unrenewed(current);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function exchange(current: WebSession): Promise<WebSession | null> {
    let tokens: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
    try {
      if (!current.refreshToken) throw new Error('no refresh token');
      tokens = await oidc.refreshTokenGrant(await configurationOf(appClientOf(current.app)), current.refreshToken);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Only the authorization server's invalid_grant says the grant is gone (signed out, revoked, replayed); a
      // failure to reach it, or one of its own, ends nothing, and the next request tries again.
      const grantGone =
        !current.refreshToken || (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant');
      if (!grantGone) {
        log.warn('Could not renew a session: the authorization server failed', { app: current.app, reason });
        await em().nativeUpdate(
          WebSession,
          { id: current.id, refreshToken: current.refreshToken },
          { refreshingUntil: null },
        );
        return unrenewed(current);
      }
      log.info('Session ended: the authorization server no longer accepts it', {
        app: current.app,
        userId: current.userId,
        reason,
      });
      await em().nativeDelete(WebSession, { id: current.id });
      return null;
    }
    const renewed = {
      accessToken: tokens.access_token,
      accessExpiresAt: new Date(now().getTime() + (tokens.expiresIn() ?? 600) * 1000),
      refreshToken: tokens.refresh_token ?? current.refreshToken,
      idToken: tokens.id_token ?? current.idToken,
      refreshingUntil: null,
    };
    await em().nativeUpdate(WebSession, { id: current.id }, renewed);
    if (!(await grantStandsFor(current.id, renewed.refreshToken))) return null;
    return Object.assign(current, renewed);
  }

  /**
   * Checked after storing new tokens: a replay that revoked their grant meanwhile ended the sessions it found,
   * and this one may have been stored just after.
   */
  async function grantStandsFor(sessionId: string, refreshToken: string | null): Promise<boolean> {
    if (!refreshToken || (await grantStands(system, refreshToken))) return true;
    log.info('Session ended: its grant was revoked after a replay', { sessionId });
    await em().nativeDelete(WebSession, { id: sessionId });
    return false;
  }

  const viewers = new WeakMap<Request, Map<WebApp, Promise<Viewer | null>>>();
  async function resolveViewer(app: WebApp, req: Request): Promise<Viewer | null> {
    const token = readCookie(req, cookieName(app));
    if (!token) return null;
    let session = await em().findOne(WebSession, { id: digest(token), app });
    if (!session) return null;
    if (session.expiresAt <= now()) {
      await endSession(session);
      return null;
    }
    if (due(session)) session = await refresh(session);
    if (!session) return null;
    const user = await em().findOne(User, session.userId);
    // Deactivating ends the account's sessions; one stored in a race with it (a sign-in finishing) ends here.
    if (!user || user.deactivatedAt) {
      await em().nativeDelete(WebSession, { id: session.id });
      return null;
    }
    return { userId: user.id, name: user.name, email: user.email, roles: user.roles, agencyId: user.agencyId ?? null };
  }

  return {
    /** Whether the request carries `app`'s session cookie, valid or not: its pages may be that person's own. */
    carriesSession(app: WebApp, req: Request): boolean {
      return Boolean(readCookie(req, cookieName(app)));
    },

    /** Who is signed in to `app` on this request (looked up once per request). */
    viewerOf(app: WebApp, req: Request): Promise<Viewer | null> {
      let perApp = viewers.get(req);
      if (!perApp) viewers.set(req, (perApp = new Map()));
      let viewer = perApp.get(app);
      if (!viewer) perApp.set(app, (viewer = resolveViewer(app, req)));
      return viewer;
    },

    /** `<app>/session/sign-in`, `/callback` and `/sign-out` for one app. */
    routes(app: WebApp): Router {
      const client = appClientOf(app);
      const paths = sessionRoutes(client);
      const router = express.Router();
      const redirectUri = `${publicUrl}${paths.callback}`;

      router.get(paths.signIn, async (req, res, next) => {
        try {
          const verifier = oidc.randomPKCECodeVerifier();
          const flow = {
            verifier,
            state: oidc.randomState(),
            nonce: oidc.randomNonce(),
            returnTo: safeReturn(client, req.query['returnTo']),
          };
          res.cookie(flowCookie(app), sign(Buffer.from(JSON.stringify(flow)).toString('base64url')), {
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: paths.callback,
            maxAge: flowLifetimeMs,
          });
          const url = oidc.buildAuthorizationUrl(await configurationOf(client), {
            redirect_uri: redirectUri,
            scope: 'openid email profile roles',
            code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
            code_challenge_method: 'S256',
            state: flow.state,
            nonce: flow.nonce,
            ...(typeof req.query['login_hint'] === 'string' ? { login_hint: req.query['login_hint'] } : {}),
            // An invitation is for the invited person: whoever else is signed in on this browser is asked anyway.
            ...(typeof req.query['invitation'] === 'string'
              ? { invitation: req.query['invitation'], prompt: 'login' }
              : {}),
          });
          res.setHeader('Cache-Control', 'no-store').redirect(303, url.href);
        } catch (error) {
          next(error);
        }
      });

      router.get(paths.callback, async (req, res, next) => {
        const raw = unsign(readCookie(req, flowCookie(app)));
        res.clearCookie(flowCookie(app), { path: paths.callback }).setHeader('Cache-Control', 'no-store');
        if (!raw) {
          // An old or foreign callback (e.g. reloaded after signing in): on to the app, or start again.
          try {
            res.redirect(303, (await resolveViewer(app, req)) ? client.mountPath : paths.signIn);
          } catch (error) {
            next(error);
          }
          return;
        }
        const flow = JSON.parse(Buffer.from(raw, 'base64url').toString()) as {
          verifier: string;
          state: string;
          nonce: string;
          returnTo: string;
        };
        // A page rather than a redirect: a server that keeps refusing must not send the browser round in circles.
        const didNotFinish = () =>
          res.status(400).send(
            authPage({
              title: 'Signing in did not finish',
              body: html`<p>This sign-in link was already used or has run out. Start again to sign in.</p>
                <p class="actions">
                  <a href="${paths.signIn}?returnTo=${encodeURIComponent(flow.returnTo)}">Sign in again</a>
                </p>`,
            }),
          );
        if (req.query['error'] === 'access_denied') {
          res.redirect(303, client.mountPath);
          return;
        }
        let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
        try {
          tokens = await oidc.authorizationCodeGrant(
            await configurationOf(client),
            new URL(req.originalUrl, publicUrl),
            { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce },
          );
        } catch (error) {
          // A code already used (a reload, a replay), another tab's sign-in, or a refusal by the server.
          log.info('Sign-in callback refused', {
            app,
            reason: error instanceof Error ? error.message : String(error),
          });
          try {
            if (await resolveViewer(app, req)) {
              res.redirect(303, flow.returnTo);
              return;
            }
          } catch (lookup) {
            next(lookup);
            return;
          }
          didNotFinish();
          return;
        }
        try {
          const claims = tokens.claims()!;
          const sessionToken = randomBytes(32).toString('base64url');
          const db = em();
          const id = digest(sessionToken);
          db.create(WebSession, {
            id,
            app,
            userId: claims.sub,
            idToken: tokens.id_token!,
            accessToken: tokens.access_token,
            accessExpiresAt: new Date(now().getTime() + (tokens.expiresIn() ?? 600) * 1000),
            refreshToken: tokens.refresh_token ?? null,
            refreshingUntil: null,
            expiresAt: new Date(now().getTime() + sessionLifetimeMs),
          });
          await db.flush();
          if (!(await grantStandsFor(id, tokens.refresh_token ?? null))) {
            didNotFinish();
            return;
          }
          res.cookie(cookieName(app), sessionToken, {
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: '/',
            maxAge: sessionLifetimeMs,
          });
          res.setHeader('Cache-Control', 'no-store').redirect(303, flow.returnTo);
        } catch (error) {
          next(error);
        }
      });

      // Signing out of one app signs out of all four in this browser, and of the authorization server.
      router.post(paths.signOut, async (req, res, next) => {
        const origin = req.headers.origin;
        if (origin && origin !== new URL(publicUrl).origin) {
          res.status(403).type('text/plain').send('Sign-out must come from an Astro Bookings page.');
          return;
        }
        try {
          const sessions = await em().find(WebSession, {
            id: {
              $in: webApps
                .map((each) => readCookie(req, cookieName(each)))
                .filter(Boolean)
                .map((t) => digest(t!)),
            },
          });
          const own = sessions.find((session) => session.app === app) ?? sessions[0];
          await Promise.all(sessions.map(endSession));
          for (const each of webApps) res.clearCookie(cookieName(each), { path: '/' });
          if (sessions.length > 0)
            log.info('Signed out of the apps', { userId: own!.userId, apps: sessions.map((s) => s.app) });
          const endSessionUrl = oidc.buildEndSessionUrl(await configurationOf(client), {
            post_logout_redirect_uri: `${publicUrl}${client.mountPath}`,
            ...(own ? { id_token_hint: own.idToken } : { client_id: client.clientId }),
          });
          res.setHeader('Cache-Control', 'no-store').redirect(303, endSessionUrl.href);
        } catch (error) {
          next(error);
        }
      });
      return router;
    },
  };
}

export type WebSessions = ReturnType<typeof createWebSessions>;
