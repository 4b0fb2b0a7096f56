/**
 * Checks the bearer token of a partner integration. The authorization server issues client-credentials tokens in
 * its opaque format (no resource server is configured), so a token is checked by looking it up in the provider's own
 * storage: unknown, revoked and expired tokens are not found.
 */
import type Provider from 'oidc-provider';
import { partnerScope } from './clients.ts';
import { authMountPath } from './provider.ts';

export type PartnerAccess =
  | { ok: true; clientId: string }
  | {
      ok: false;
      status: 401 | 403;
      /** RFC 6750's error codes, for the `WWW-Authenticate` header and the JSON body. */
      error: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
      message: string;
    };

const howToGetOne = `Get one from ${authMountPath}/token with your partner client's credentials (grant_type=client_credentials, scope=${partnerScope}).`;

export async function verifyPartnerToken(
  provider: Provider,
  authorization: string | undefined,
): Promise<PartnerAccess> {
  if (!authorization)
    return {
      ok: false,
      status: 401,
      error: 'invalid_request',
      message: `This API takes a partner access token in the Authorization header ("Bearer <token>"); a browser sign-in does not count. ${howToGetOne}`,
    };
  const value = /^Bearer ([\w.~+/-]{1,2048}=*)$/i.exec(authorization.trim())?.[1];
  if (!value)
    return {
      ok: false,
      status: 401,
      error: 'invalid_request',
      message: 'The Authorization header must be "Bearer <token>", with the access token exactly as it was issued.',
    };
  const token = await provider.ClientCredentials.find(value);
  if (!token)
    return {
      ok: false,
      status: 401,
      error: 'invalid_token',
      message: `This access token is not valid: it is unknown, revoked or expired (tokens last 10 minutes). ${howToGetOne}`,
    };
  if (!token.scopes.has(partnerScope))
    return {
      ok: false,
      status: 403,
      error: 'insufficient_scope',
      message: `This access token was issued without the ${partnerScope} scope. Request a new one with scope=${partnerScope}.`,
    };
  // A client removed since the token was issued no longer reads the catalogue.
  if (!(await provider.Client.find(token.clientId!)))
    return { ok: false, status: 401, error: 'invalid_token', message: 'The client this token was issued to is gone.' };
  return { ok: true, clientId: token.clientId! };
}
