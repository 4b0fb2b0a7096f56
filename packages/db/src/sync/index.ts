export * from './messages.ts';
export * from './launch-changed.ts';
export * from './booking-changed.ts';
export * from './booking-cancel.ts';
