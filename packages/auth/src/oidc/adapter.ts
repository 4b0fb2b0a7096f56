/**
 * oidc-provider's storage over the System DB: sessions, grants, codes, tokens, interactions and machine
 * clients survive a restart and are shared by every host.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { MongoEntityManager } from '@astro/db/system';
import { AccountToken, OidcRecord, SignInThrottle, WebSession, type SystemOrm } from '@astro/db/system';

export function systemDbAdapter(system: SystemOrm, now: () => Date = () => new Date()) {
  const em = () => system.em.fork() as MongoEntityManager;
  const live = (record: OidcRecord | null): AdapterPayload | undefined =>
    record && (!record.expiresAt || record.expiresAt > now()) ? (record.payload as AdapterPayload) : undefined;

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        await em().upsert(OidcRecord, {
          id: key(id),
          model,
          payload: payload as Record<string, unknown>,
          grantId: payload.grantId ?? null,
          uid: payload.uid ?? null,
          userCode: payload.userCode ?? null,
          expiresAt: expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null,
          consumedAt: null,
        });
      },
      async find(id) {
        return live(await em().findOne(OidcRecord, key(id)));
      },
      async findByUid(uid) {
        return live(await em().findOne(OidcRecord, { model, uid }));
      },
      async findByUserCode(userCode) {
        return live(await em().findOne(OidcRecord, { model, userCode }));
      },
      async consume(id) {
        const db = em();
        const record = await db.findOne(OidcRecord, key(id));
        if (!record) return;
        // oidc-provider reads `consumed` from the payload to refuse a second use (e.g. of a refresh token).
        record.payload = { ...record.payload, consumed: Math.floor(now().getTime() / 1000) };
        record.consumedAt = now();
        await db.flush();
      },
      async destroy(id) {
        await em().nativeDelete(OidcRecord, { id: key(id) });
      },
      async revokeByGrantId(grantId) {
        await em().nativeDelete(OidcRecord, { grantId });
      },
    };
  };
}

/** Removes what has expired; run by a job, since FerretDB has no TTL indexes. */
export async function sweepExpiredAuthRecords(system: SystemOrm, now: Date): Promise<Record<string, number>> {
  const em = system.em.fork() as MongoEntityManager;
  const [oidcRecords, webSessions, throttles, links] = await Promise.all([
    em.nativeDelete(OidcRecord, { expiresAt: { $lt: now } }),
    em.nativeDelete(WebSession, { expiresAt: { $lt: now } }),
    em.nativeDelete(SignInThrottle, { expiresAt: { $lt: now } }),
    em.nativeDelete(AccountToken, { expiresAt: { $lt: now } }),
  ]);
  return { oidcRecords, webSessions, throttles, links };
}
