/**
 * oidc-provider's storage over the System DB: sessions, grants, codes, tokens, interactions and machine
 * clients survive a restart and are shared by every host.
 */
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import type { Fence } from '@astro/db/system';
import {
  AccountToken,
  OidcRecord,
  oidcRecordCollection,
  RateLimit,
  WebSession,
  type SystemOrm,
} from '@astro/db/system';

export interface AdapterEvents {
  /** A code or refresh token was redeemed twice: the later one revoked the grant and ended the apps' sessions of it. */
  onReplay?: (model: string, grantId: string | null, sessionsEnded: number) => void;
}

/**
 * Whether the grant an app's refresh token belongs to still stands: a replay of another of its tokens revokes
 * it, maybe while the app is storing this one.
 */
export async function grantStands(system: SystemOrm, refreshToken: string): Promise<boolean> {
  const em = system.em.fork();
  const token = await em.findOne(OidcRecord, `RefreshToken:${refreshToken}`);
  return Boolean(token?.grantId) && (await em.count(OidcRecord, { id: `Grant:${token!.grantId}` })) === 1;
}

export function systemDbAdapter(system: SystemOrm, now: () => Date = () => new Date(), events: AdapterEvents = {}) {
  const em = () => system.em.fork();
  const records = () => oidcRecordCollection(em());
  /**
   * What oidc-provider's revocation removes (every record of the grant, and the grant itself), and the apps'
   * sessions holding its tokens, so the winner of a replay is signed out at once too. The grant goes first: a
   * host storing tokens issued after the records were read then finds it gone (see `grantStands`).
   */
  const revokeReplayedGrant = async (grantId: string): Promise<number> => {
    await em().nativeDelete(OidcRecord, { id: `Grant:${grantId}` });
    const tokens = await em().find(OidcRecord, { grantId, model: { $in: ['AccessToken', 'RefreshToken'] } });
    await em().nativeDelete(OidcRecord, { grantId });
    // An opaque token's value is its id, the record's key after the model's name.
    const values = tokens.map((token) => token.id.slice(token.model.length + 1));
    if (values.length === 0) return 0;
    return em().nativeDelete(WebSession, {
      $or: [{ accessToken: { $in: values } }, { refreshToken: { $in: values } }],
    });
  };
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
      // oidc-provider reads a record, sees it unconsumed, then consumes it: two requests with one code or
      // refresh token can both get that far. One conditional update decides which of them redeems it; the
      // other is a replay, treated as oidc-provider treats one it sees itself: the grant is revoked.
      async consume(id) {
        const won = await records().updateOne(
          { _id: key(id), consumedAt: null },
          { $set: { 'payload.consumed': Math.floor(now().getTime() / 1000), consumedAt: now() } },
        );
        if (won.modifiedCount === 1) return;
        const record = await em().findOne(OidcRecord, key(id));
        const sessionsEnded = record?.grantId ? await revokeReplayedGrant(record.grantId) : 0;
        events.onReplay?.(model, record?.grantId ?? null, sessionsEnded);
        throw new errors.InvalidGrant(
          `${model === 'RefreshToken' ? 'refresh token' : 'authorization code'} already used`,
        );
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

/**
 * Removes what has expired; run by a job, since FerretDB has no TTL indexes. One kind at a time, each after the
 * fence, so a run that lost its lease deletes nothing more (what it left is still expired at the next run).
 */
export async function sweepExpiredAuthRecords(
  system: SystemOrm,
  now: Date,
  fence: Fence,
): Promise<Record<string, number>> {
  const em = system.em.fork();
  const sweeps = {
    oidcRecords: () => em.nativeDelete(OidcRecord, { expiresAt: { $lt: now } }),
    webSessions: () => em.nativeDelete(WebSession, { expiresAt: { $lt: now } }),
    limits: () => em.nativeDelete(RateLimit, { expire: { $lt: now } }),
    links: () => em.nativeDelete(AccountToken, { expiresAt: { $lt: now } }),
  };
  const deleted: Record<string, number> = {};
  for (const [kind, sweep] of Object.entries(sweeps)) {
    await fence.assert();
    deleted[kind] = await sweep();
  }
  return deleted;
}
