export * from './agency.entity.ts';
export * from './rocket.entity.ts';
export * from './launch.entity.ts';
export * from './employee.entity.ts';
export * from './booking-copy.entity.ts';
export * from './orm.ts';
export * from './sync-outbox.entity.ts';
export { catalogueFieldsOf } from '../catalogue-projection.ts';
export * from './launch-announcement.ts';
