/**
 * The Authorization Server (oidc-provider) as the product configures it: the four apps as first-party
 * clients with PKCE and rotating refresh tokens, machine clients with client credentials, storage and keys
 * in the System DB, and pages in the product's look.
 */
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { User, type SystemOrm } from '@astro/db/system';
import { currentCorrelation, type Logger } from '@astro/logging';
import { systemDbAdapter } from './adapter.ts';
import { appClients, clientMetadata, partnerScope } from './clients.ts';
import type { AuthSecrets } from './keys.ts';
import { errorPage, signOutPage } from '../pages/oidc-pages.ts';

export const authMountPath = '/auth';

export interface AuthorizationServerOptions {
  publicUrl: string;
  system: SystemOrm;
  secrets: AuthSecrets;
  log: Logger;
}

const minutes = 60;
const days = 24 * 60 * minutes;
const firstParty = new Set(appClients.map((client) => client.clientId));
/** The endpoints whose refusals oidc-provider emits as `<endpoint>.error` (server failures are `server_error`). */
const refusingEndpoints = [
  'authorization',
  'grant',
  'end_session',
  'end_session_confirm',
  'userinfo',
  'introspection',
  'revocation',
] as const;

export function createAuthorizationServer(options: AuthorizationServerOptions): Provider {
  const { system, secrets, publicUrl } = options;
  const log = options.log.child('auth');
  const secure = publicUrl.startsWith('https:');

  const configuration: Configuration = {
    adapter: systemDbAdapter(system, undefined, {
      onReplay: (model, grantId, sessionsEnded) =>
        log.warn('A code or refresh token was used twice: its grant is revoked', { model, grantId, sessionsEnded }),
    }),
    clients: clientMetadata(publicUrl, secrets.clientSecret),
    jwks: { keys: secrets.jwks },
    cookies: {
      keys: secrets.cookieKeys,
      long: { signed: true, httpOnly: true, sameSite: 'lax', secure },
      short: { signed: true, httpOnly: true, sameSite: 'lax', secure },
    },
    async findAccount(_ctx, sub) {
      const user = await system.em.fork().findOne(User, sub);
      // A deactivated account is no account: its session and tokens are refused even if a record survived.
      if (!user || user.deactivatedAt) return undefined;
      return {
        accountId: user.id,
        claims: () => ({
          sub: user.id,
          email: user.email,
          email_verified: user.verified,
          name: user.name,
          roles: user.roles,
          agency_id: user.agencyId,
        }),
      };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      roles: ['roles', 'agency_id'],
    },
    scopes: ['openid', 'offline_access', 'email', 'profile', 'roles', partnerScope],
    responseTypes: ['code'],
    // An invitation's token travels with the authorization request to its sign-in step, which sets the password.
    extraParams: ['invitation'],
    pkce: { required: () => true },
    // Every use of a refresh token replaces it; a replayed old one is refused (and revokes its grant).
    rotateRefreshToken: () => true,
    // The apps' refresh tokens live as long as the sign-in session, without asking for offline access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: 10 * minutes,
      AuthorizationCode: 1 * minutes,
      ClientCredentials: 10 * minutes,
      IdToken: 60 * minutes,
      Interaction: 60 * minutes,
      RefreshToken: 14 * days,
      Session: 14 * days,
      Grant: 14 * days,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = signOutPage(form, ctx);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = errorPage({ title: 'You are signed out', message: 'You have signed out of Astro Bookings.' });
        },
      },
    },
    // The app in the address outlives the interaction: a sign-in step opened again after it ended (Back after
    // signing in) can still offer to start that app's sign-in again.
    interactions: {
      url: (_ctx, interaction) =>
        `${authMountPath}/interaction/${interaction.uid}?${new URLSearchParams({ client: String(interaction.params['client_id']) })}`,
    },
    // The product's own apps need no consent screen: the grant covers what they ask for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const client = ctx.oidc.client!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      // A grant revoked since (a replay) leaves its id in the session: the next sign-in gets a new one.
      if (existing || !firstParty.has(client.clientId)) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile roles');
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage({
        title: 'Sign-in could not continue',
        message: String(out['error_description'] ?? out['error'] ?? 'The request was not valid.'),
        reference: currentCorrelation()?.requestId,
      });
    },
  };

  const provider = new Provider(`${publicUrl}${authMountPath}`, configuration);
  // Behind a TLS-terminating proxy the host trusts X-Forwarded-Proto.
  provider.proxy = true;
  provider.on('server_error', (_ctx, error) => log.error('Authorization server error', { error }));
  // A request the protocol refuses (an unknown client, a used code, a wrong redirect) is the caller's to fix, but
  // an operator looking for a failed sign-in by its request id needs its line.
  // Every `<endpoint>.error` event has the same listener; the types list them one by one.
  for (const endpoint of refusingEndpoints)
    provider.on(`${endpoint}.error` as 'grant.error', (ctx, error) =>
      log.warn('Authorization server refused a request', {
        endpoint,
        error: error.error,
        description: error.error_description ?? null,
        client: ctx.oidc?.client?.clientId ?? null,
      }),
    );
  provider.on('end_session.success', (ctx) =>
    log.info('Signed out', { userId: ctx.oidc.session?.accountId ?? null, client: ctx.oidc.client?.clientId }),
  );
  provider.on('grant.revoked', (_ctx, grantId) => log.info('Grant revoked', { grantId }));
  return provider;
}
