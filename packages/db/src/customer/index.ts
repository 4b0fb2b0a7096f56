export * from './customer.entity.ts';
export * from './catalogue-launch.entity.ts';
export * from './booking.entity.ts';
export * from './orm.ts';
export * from './seat-holds.ts';
