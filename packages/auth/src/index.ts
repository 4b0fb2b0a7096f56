/** The Authentication Service: accounts, the OpenID Connect authorization server and its pages, mounted at /auth. */
import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import { createAccounts, type Accounts } from './accounts/accounts.service.ts';
import { authRoutes } from './interactions/routes.ts';
import {
  createLimits,
  limitByAddress,
  waitInWords,
  type LimitName,
  type LimitRule,
  type Limits,
} from './limits/limits.ts';
import { isAppClientRequest } from './oidc/clients.ts';
import { loadAuthSecrets } from './oidc/keys.ts';
import { authMountPath, createAuthorizationServer } from './oidc/provider.ts';

export interface AuthService {
  provider: Provider;
  accounts: Accounts;
  /** Everything under /auth: the sign-in pages first, then the protocol endpoints. */
  router: Router;
  /** The secret the apps' client secrets derive from. */
  clientSecret: string;
  /** Every limit, for the host's other endpoints (the partner API) to count by the same rules. */
  limits: Limits;
}

export async function createAuthService(options: {
  publicUrl: string;
  system: SystemOrm;
  log: Logger;
  now?: () => Date;
  /** Rules lowered for a test. */
  limitRules?: Partial<Record<LimitName, LimitRule>>;
}): Promise<AuthService> {
  const secrets = await loadAuthSecrets(options.system);
  const log = options.log.child('auth');
  const limits = createLimits(options.system, options.limitRules);
  const accounts = createAccounts({ ...options, limits });
  const provider = createAuthorizationServer({ ...options, secrets });
  const router = express.Router();
  router.use(await authRoutes({ provider, accounts, limits, publicUrl: options.publicUrl, log: options.log }));
  const limitTokenRequests = limitByAddress(limits.tokenRequestsPerAddress, (req, res, retryAfterSeconds) => {
    log.warn('Token request refused: too many from one address', { address: req.ip });
    res.json({
      error: 'temporarily_unavailable',
      error_description: `Too many token requests from this address. Try again in ${waitInWords(retryAfterSeconds)}.`,
    });
  });
  // The apps' own requests (every sign-in and refresh of a host's sessions, all from the host's address) are
  // not limited: they prove themselves with the app's secret, and a busy host must never be refused.
  router.post('/token', (req, res, next) =>
    isAppClientRequest(req.headers.authorization, secrets.clientSecret) ? next() : limitTokenRequests(req, res, next),
  );
  router.use(provider.callback());
  return { provider, accounts, router, clientSecret: secrets.clientSecret, limits };
}

export { authMountPath };
export {
  AccountError,
  createAccounts,
  staffRoles,
  type Accounts,
  type StaffRole,
} from './accounts/accounts.service.ts';
export { hashPassword } from './accounts/password.ts';
export {
  appClients,
  appClientOf,
  clientSecretOf,
  registerPartnerClient,
  sessionRoutes,
  partnerScope,
  type AppClient,
} from './oidc/clients.ts';
export { loadAuthSecrets, rotateSigningKey } from './oidc/keys.ts';
export { verifyPartnerToken, type PartnerAccess } from './oidc/partner-tokens.ts';
export { grantStands, sweepExpiredAuthRecords } from './oidc/adapter.ts';
export { page as authPage, html } from './pages/layout.ts';
export { readCookie } from './cookies.ts';
export { limitBy, limitRules, type Limit, type LimitName, type LimitRule } from './limits/limits.ts';
