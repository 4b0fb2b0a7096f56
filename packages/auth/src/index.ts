/** The Authentication Service: accounts, the OpenID Connect authorization server and its pages, mounted at /auth. */
import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import { createAccounts, type Accounts } from './accounts/accounts.service.ts';
import { authRoutes } from './interactions/routes.ts';
import { loadAuthSecrets } from './oidc/keys.ts';
import { authMountPath, createAuthorizationServer } from './oidc/provider.ts';

export interface AuthService {
  provider: Provider;
  accounts: Accounts;
  /** Everything under /auth: the sign-in pages first, then the protocol endpoints. */
  router: Router;
  /** The secret the apps' client secrets derive from. */
  clientSecret: string;
}

export async function createAuthService(options: {
  publicUrl: string;
  system: SystemOrm;
  log: Logger;
  now?: () => Date;
}): Promise<AuthService> {
  const secrets = await loadAuthSecrets(options.system);
  const accounts = createAccounts({ ...options });
  const provider = createAuthorizationServer({ ...options, secrets });
  const router = express.Router();
  router.use(await authRoutes({ provider, accounts, publicUrl: options.publicUrl, log: options.log }));
  router.use(provider.callback());
  return { provider, accounts, router, clientSecret: secrets.clientSecret };
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
export { sweepExpiredAuthRecords } from './oidc/adapter.ts';
export { page as authPage, html } from './pages/layout.ts';
export { readCookie } from './interactions/csrf.ts';
