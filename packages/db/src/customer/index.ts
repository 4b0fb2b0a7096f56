export * from './customer.entity.ts';
export * from './catalogue-launch.entity.ts';
export * from './booking.entity.ts';
export * from './waiting-list-entry.entity.ts';
export * from './booking-changes.ts';
export * from './orm.ts';
export * from './collections.ts';
export * from './booking-history.ts';
