export * from './user.entity.ts';
export * from './log-entry.entity.ts';
export * from './sync-message.entity.ts';
export * from './job-run.entity.ts';
export * from './email.entity.ts';
export * from './auth.entities.ts';
export * from './orm.ts';
export * from './log-sink.ts';
export type { MongoEntityManager } from '../mongo.ts';
