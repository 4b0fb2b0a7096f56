import type { EntitySchema } from '@mikro-orm/core';
import { openMongoStore, type MongoEntityManager, type MongoOrm } from '../mongo.ts';
import { Booking } from './booking.entity.ts';
import { CatalogueLaunch } from './catalogue-launch.entity.ts';
import { Customer } from './customer.entity.ts';
import { WaitingListEntry } from './waiting-list-entry.entity.ts';

export type CustomerOrm = MongoOrm;
export type CustomerEntityManager = MongoEntityManager;

export function openCustomerDb(url: string, dbName: string): Promise<CustomerOrm> {
  return openMongoStore({
    url,
    dbName,
    contextName: 'customer',
    entities: [Customer, CatalogueLaunch, Booking, WaitingListEntry] as unknown as EntitySchema[],
  });
}
