export * from './scheduler.ts';
export * from './logs/log-retention.job.ts';
