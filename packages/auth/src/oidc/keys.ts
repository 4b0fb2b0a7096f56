/**
 * Keys are made on first start, stored in the System DB and shared by every host. Rotating the signing key
 * adds a new one that signs from the next start on; retired keys stay published for a day so that tokens
 * they signed still verify.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'oidc-provider';
import { AuthKey, type AuthKeyKind, type SystemOrm } from '@astro/db/system';

const retiredKeysPublishedForMs = 24 * 60 * 60 * 1000;

async function newMaterial(kind: AuthKeyKind): Promise<Record<string, unknown>> {
  if (kind !== 'signing') return { secret: randomBytes(32).toString('base64url') };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(12).toString('base64url') };
}

async function keysOf(system: SystemOrm, kind: AuthKeyKind, now: Date): Promise<AuthKey[]> {
  const em = system.em.fork();
  let keys = await em.find(AuthKey, { kind }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  if (keys.length === 0) {
    em.create(AuthKey, { kind, material: await newMaterial(kind), createdAt: now, retiredAt: null });
    await em.flush();
    keys = await em.find(AuthKey, { kind }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }
  return keys.filter((key) => !key.retiredAt || key.retiredAt.getTime() > now.getTime() - retiredKeysPublishedForMs);
}

export interface AuthSecrets {
  /** Signing keys, the one that signs first. */
  jwks: JWK[];
  /** Secrets that sign oidc-provider's cookies, newest first. */
  cookieKeys: string[];
  /** The secret every app's client secret derives from. */
  clientSecret: string;
}

export async function loadAuthSecrets(system: SystemOrm, now = new Date()): Promise<AuthSecrets> {
  const [signing, cookie, client] = await Promise.all([
    keysOf(system, 'signing', now),
    keysOf(system, 'cookie', now),
    keysOf(system, 'client-secret', now),
  ]);
  const active = signing.filter((key) => !key.retiredAt);
  return {
    jwks: [...active, ...signing.filter((key) => key.retiredAt)].map((key) => key.material as JWK),
    cookieKeys: cookie.map((key) => String(key.material['secret'])),
    // Hosts that raced on first start agree on the oldest secret.
    clientSecret: String(client.at(-1)!.material['secret']),
  };
}

/** Makes a new signing key and retires the others; hosts sign with it from their next start. */
export async function rotateSigningKey(system: SystemOrm, now = new Date()): Promise<string> {
  const em = system.em.fork();
  for (const key of await em.find(AuthKey, { kind: 'signing', retiredAt: null })) key.retiredAt = now;
  const material = await newMaterial('signing');
  em.create(AuthKey, { kind: 'signing', material, createdAt: now, retiredAt: null });
  await em.flush();
  return String(material['kid']);
}
