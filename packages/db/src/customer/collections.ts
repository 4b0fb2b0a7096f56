/** The Customer DB's collections as the driver sees them, for the few conditional updates the ORM cannot express. */
import type { Document } from 'mongodb';
import { collectionOf, type StoredDocument } from '../mongo.ts';
import { Booking } from './booking.entity.ts';
import { CatalogueLaunch } from './catalogue-launch.entity.ts';
import { Customer } from './customer.entity.ts';
import type { CustomerEntityManager } from './orm.ts';

/** `Shape`: the stored document as the caller reads it (the launch's id is its `_id`). */
export const catalogueCollection = <Shape extends Document = StoredDocument>(customerDb: CustomerEntityManager) =>
  collectionOf<Shape>(customerDb, CatalogueLaunch);
export const bookingCollection = (customerDb: CustomerEntityManager) => collectionOf(customerDb, Booking);
export const customerCollection = (customerDb: CustomerEntityManager) => collectionOf(customerDb, Customer);
