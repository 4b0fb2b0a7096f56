export * from './scheduler.ts';
export * from './logs/log-retention.job.ts';
export * from './auth/auth-cleanup.job.ts';
export * from './sync/outbox-relay.job.ts';
export * from './bookings/hold-expiry.job.ts';
export * from './sync/booking-relay.job.ts';
export * from './bookings/booking-recovery.job.ts';
export * from './sync/apply/sync-apply.ts';
