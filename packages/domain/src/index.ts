export * from './money.ts';
export * from './launch/destination.ts';
export * from './launch/status.ts';
export * from './launch/slug.ts';
export * from './booking/status.ts';
export * from './launch/status-machine.ts';
export * from './launch/terms.ts';
