/**
 * Copies of documents that every request reads but none decides on, kept for a few seconds per store: who a session
 * belongs to, a traveler's profile, a launch's catalogue entry — read by each step of every booking while hundreds
 * of travelers book the same few launches. Requests that miss together share one read. Whoever uses a copy must
 * let a conditional write of the document itself decide (seats, price, the booking's state), so a copy seconds old
 * can at worst make a step ask again. Hand-written rather than a cache library: it is a dozen lines, and its rule
 * (share the read, keep only what was found, one map per store) is the point.
 */

/** What a copy is kept per: a store's driver, which every fork of its entity manager shares. */
interface Store {
  getDriver(): object;
}

export interface RecentCopies<T> {
  /** The copy read within the last `ttlMs` in this store, else what `read` finds (null is not kept). */
  get(em: Store, key: string, read: () => Promise<T | null>): Promise<T | null>;
  /** Keeps what a write just made, so nobody reads it back. */
  keep(em: Store, key: string, value: T): void;
  forget(em: Store, key: string): void;
}

export function recentCopies<T>(ttlMs: number, maxEntries = 10_000): RecentCopies<T> {
  // One map per store, so two stores in one process (tests, two hosts) never mix.
  const stores = new WeakMap<object, Map<string, { copy: Promise<T | null>; until: number }>>();
  const mapOf = (em: Store) => {
    const driver = em.getDriver();
    let copies = stores.get(driver);
    if (!copies) stores.set(driver, (copies = new Map()));
    return copies;
  };
  return {
    get(em, key, read) {
      const copies = mapOf(em);
      const kept = copies.get(key);
      if (kept && kept.until > performance.now()) return kept.copy;
      if (copies.size >= maxEntries) copies.clear();
      const copy = read();
      copies.set(key, { copy, until: performance.now() + ttlMs });
      // Only a found document is worth keeping; a miss or a failure is asked again next time.
      copy.then(
        (found) => found ?? copies.delete(key),
        () => copies.delete(key),
      );
      return copy;
    },
    keep(em, key, value) {
      const copies = mapOf(em);
      if (copies.size >= maxEntries) copies.clear();
      copies.set(key, { copy: Promise.resolve(value), until: performance.now() + ttlMs });
    },
    forget(em, key) {
      mapOf(em).delete(key);
    },
  };
}
