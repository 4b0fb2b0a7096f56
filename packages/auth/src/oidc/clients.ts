/** The four apps are confidential clients of the authorization server: their tokens stay on the host. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import type { SystemOrm, WebApp } from '@astro/db/system';
import { percentDecoded } from '../cookies.ts';
import { systemDbAdapter } from './adapter.ts';

export interface AppClient {
  app: WebApp;
  clientId: string;
  name: string;
  /** Where the app is served, ending in `/`. */
  mountPath: string;
  /** Which roles may use the app at all. */
  roles: readonly string[];
}

export const appClients: readonly AppClient[] = [
  { app: 'customer', clientId: 'customer-web', name: 'Astro Bookings', mountPath: '/', roles: ['customer'] },
  {
    app: 'supplier',
    clientId: 'supplier-portal',
    name: 'Astro Bookings supplier portal',
    mountPath: '/supplier/',
    roles: ['supplier'],
  },
  {
    app: 'admin',
    clientId: 'employee-portal',
    name: 'Astro Bookings employee portal',
    mountPath: '/admin/',
    roles: ['support', 'finance', 'admin'],
  },
  {
    app: 'ops',
    clientId: 'ops-dashboard',
    name: 'Astro Bookings IT operations',
    mountPath: '/ops/',
    roles: ['operator'],
  },
];

export const appClientOf = (app: WebApp): AppClient => appClients.find((client) => client.app === app)!;

/** The app an account of these roles works in (the customer site for any other). */
export const appClientFor = (roles: readonly string[]): AppClient =>
  appClients.find((client) => roles.some((role) => client.roles.includes(role))) ?? appClientOf('customer');

/** Each app's secret, derived so that every host computes the same one from the stored secret. */
export const clientSecretOf = (clientId: string, secret: string) =>
  createHmac('sha256', secret).update(clientId).digest('base64url');

const formDecode = (value: string) => percentDecoded(value.replaceAll('+', ' '));

/** Whether a request authenticates (HTTP Basic) as one of the four apps, with the app's right secret. */
export function isAppClientRequest(authorization: string | undefined, secret: string): boolean {
  const basic = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(authorization ?? '');
  if (!basic) return false;
  // RFC 6749 2.3.1: both parts are form-encoded first (openid-client encodes even `-` and `_`).
  const [clientId, given] = Buffer.from(basic[1]!, 'base64').toString().split(':').map(formDecode);
  if (clientId === undefined || given === undefined) return false;
  if (!appClients.some((client) => client.clientId === clientId)) return false;
  const expected = Buffer.from(clientSecretOf(clientId, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The app's own routes for signing in and out (a backend for frontend), under its mount path. */
export const sessionRoutes = (client: AppClient) => ({
  signIn: `${client.mountPath}session/sign-in`,
  callback: `${client.mountPath}session/callback`,
  signOut: `${client.mountPath}session/sign-out`,
});

export function clientMetadata(publicUrl: string, secret: string): ClientMetadata[] {
  return appClients.map((client) => ({
    client_id: client.clientId,
    client_secret: clientSecretOf(client.clientId, secret),
    client_name: client.name,
    redirect_uris: [`${publicUrl}${sessionRoutes(client).callback}`],
    post_logout_redirect_uris: [`${publicUrl}${client.mountPath}`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }));
}

/** Machine clients (partner integrations) use client credentials and may only read the public catalogue. */
export const partnerScope = 'catalogue:read';

/** Registers a machine client (stored like every other protocol record); its secret is shown once. */
export async function registerPartnerClient(
  system: SystemOrm,
  name: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const clientId = `partner-${randomBytes(6).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  await systemDbAdapter(system)('Client').upsert(clientId, {
    client_id: clientId,
    client_secret: clientSecret,
    client_name: name,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: partnerScope,
  });
  return { clientId, clientSecret };
}
