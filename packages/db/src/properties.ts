import { createHash } from 'node:crypto';
import { p } from '@mikro-orm/core';

/** A UUID primary key made by the application, so an id is known (and can be synced) before the first flush. */
export const uuidKey = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => crypto.randomUUID());

/** The same key, stored as a MongoDB document's `_id`. */
export const documentKey = () => uuidKey().fieldName('_id');

/** When a record was created and last changed. */
export const timestamps = () => ({
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});

/**
 * The same UUID-shaped id for the same key, for records that must exist once per key (a sync message per
 * entity version, an e-mail per event and recipient): writing one twice finds it by its primary key.
 */
export function idFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
