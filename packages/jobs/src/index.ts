export * from './scheduler.ts';
export * from './logs/log-retention.job.ts';
export * from './auth/auth-cleanup.job.ts';
export * from './sync/outbox-relay.job.ts';
export * from './bookings/hold-expiry.job.ts';
