export * from './stores.ts';
export * from './catalogue-projection.ts';
export type { MongoEntityManager } from './mongo.ts';
