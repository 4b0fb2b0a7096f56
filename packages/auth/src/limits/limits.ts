/**
 * How often one account, one address or one partner client may try something: the rules, defined once, and their
 * counters in the System DB (rate-limiter-flexible's MongoDB store). Every attempt is counted by one atomic update
 * before it is let through, so any number of parallel requests on any number of hosts cannot get past a limit.
 */
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimitCollection, type SystemOrm } from '@astro/db/system';

const minute = 60;

export const limitRules = {
  /** Five failed sign-ins in a row within 15 minutes lock an account (known or not) for 15 minutes. */
  signInFailuresPerAccount: { points: 5, seconds: 15 * minute, lockSeconds: 15 * minute },
  /** Failed sign-ins from one address, across all accounts. */
  signInFailuresPerAddress: { points: 20, seconds: 15 * minute },
  registrationsPerAddress: { points: 10, seconds: 60 * minute },
  /** Password reset and confirmation links asked for from one address. */
  linkRequestsPerAddress: { points: 10, seconds: 60 * minute },
  /** Token requests from one address by other clients than the apps (partners): one a second, far above their need. */
  tokenRequestsPerAddress: { points: 60, seconds: minute },
  /** Requests to the partner catalogue API by one partner client, whichever of its tokens they carry. */
  partnerRequestsPerClient: { points: 600, seconds: minute },
} as const;

export type LimitName = keyof typeof limitRules;

/** `points` attempts per `seconds`; a locked key waits `lockSeconds` (else `seconds`). */
export interface LimitRule {
  points: number;
  seconds: number;
  lockSeconds?: number;
}

/** Either the attempt may go ahead, or it must wait this long. */
export type Attempt = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface Limit {
  /** What it allows, for a refusal to say. */
  readonly rule: LimitRule;
  /** Counts one attempt for the key, before the work it guards is done. */
  attempt(key: string): Promise<Attempt>;
  /** Gives an attempt back (it turned out not to be one that counts, e.g. a correct password). */
  refund(key: string): Promise<void>;
  /** Forgets the key's attempts. */
  clear(key: string): Promise<void>;
  /** Refuses the key for the rule's lock time from now. */
  lock(key: string): Promise<number>;
  /** Whether the key's attempts are used up (its next one is refused), and until when. */
  lockedUntil(key: string): Promise<Date | null>;
  /** Every key whose attempts are used up now. */
  lockedKeys(): Promise<string[]>;
}

export type Limits = Record<LimitName, Limit>;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** `lowered` replaces some rules, for tests that would otherwise send hundreds of requests. */
export function createLimits(system: SystemOrm, lowered: Partial<Record<LimitName, LimitRule>> = {}): Limits {
  const em = system.em.fork();
  const storeClient = em.getConnection().getDb();
  const counters = rateLimitCollection(em);
  const tableName = counters.collectionName;
  const limit = (name: LimitName): Limit => {
    const rule: LimitRule = lowered[name] ?? limitRules[name];
    const limiter = new RateLimiterMongo({
      storeClient,
      tableName,
      keyPrefix: name,
      points: rule.points,
      duration: rule.seconds,
      // Its TTL index needs a MongoDB feature FerretDB lacks; the unique key index comes from the RateLimit entity.
      disableIndexesCreation: true,
    });
    const usedUp = (filter: Record<string, unknown>) => ({
      ...filter,
      points: { $gte: rule.points },
      expire: { $gt: new Date() },
    });
    return {
      rule,
      async attempt(key) {
        try {
          const counted = await limiter.consume(key);
          return { allowed: true, remaining: counted.remainingPoints };
        } catch (refusal) {
          if (refusal instanceof RateLimiterRes)
            return { allowed: false, retryAfterSeconds: seconds(refusal.msBeforeNext) };
          throw refusal;
        }
      },
      async refund(key) {
        // The limiter's own reward starts a new counter below zero when the window ended meanwhile, a free
        // attempt in the next one; only an attempt of the live window is given back.
        await counters.updateOne(
          { key: limiter.getKey(key), expire: { $gt: new Date() }, points: { $gt: 0 } },
          { $inc: { points: -1 } },
        );
      },
      async clear(key) {
        await limiter.delete(key);
      },
      async lock(key) {
        const lockSeconds = rule.lockSeconds ?? rule.seconds;
        await limiter.block(key, lockSeconds);
        return lockSeconds;
      },
      async lockedUntil(key) {
        const counter = await counters.findOne(usedUp({ key: limiter.getKey(key) }));
        return counter ? (counter['expire'] as Date) : null;
      },
      async lockedKeys() {
        // The limiter's keys are `<name>:<key>`: a range of the unique index rather than a pattern.
        const prefix = limiter.getKey('');
        const used = await counters.find(usedUp({ key: { $gte: prefix, $lt: `${prefix}\uffff` } })).toArray();
        return used.map((counter) => String(counter['key']).slice(prefix.length));
      },
    };
  };
  return Object.fromEntries(Object.keys(limitRules).map((name) => [name, limit(name as LimitName)])) as Limits;
}

type Refuse = (req: Request, res: Response, retryAfterSeconds: number) => void;

/**
 * Refuses a request once its key (the address, a partner client …) has used up the limit, with 429 and
 * `Retry-After`; `refuse` answers in the endpoint's own way.
 */
export function limitBy(limit: Limit, keyOf: (req: Request, res: Response) => string, refuse: Refuse): RequestHandler {
  return async (req, res, next) => {
    try {
      const attempt = await limit.attempt(keyOf(req, res));
      if (attempt.allowed) return next();
      res.setHeader('Retry-After', String(attempt.retryAfterSeconds)).setHeader('Cache-Control', 'no-store');
      refuse(req, res.status(429), attempt.retryAfterSeconds);
    } catch (error) {
      next(error);
    }
  };
}

/** Refuses a request once its address (`req.ip`: see `TRUST_PROXY`) has used up the limit. */
export function limitByAddress(limit: Limit, refuse: Refuse): RequestHandler {
  return limitBy(limit, (req) => req.ip ?? 'unknown', refuse);
}

/** "3 minutes", "1 minute": how a wait reads on a page. */
export function waitInWords(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
