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
