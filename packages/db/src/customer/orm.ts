import type { EntitySchema } from '@mikro-orm/core';
import { openMongoStore, type StoreEntityManager, type StoreOrm } from '../mongo.ts';
import { Booking } from './booking.entity.ts';
import { CatalogueLaunch } from './catalogue-launch.entity.ts';
import { Customer } from './customer.entity.ts';
import { WaitingListEntry } from './waiting-list-entry.entity.ts';

export type CustomerOrm = StoreOrm<'customer'>;
export type CustomerEntityManager = StoreEntityManager<'customer'>;

export function openCustomerDb(url: string, dbName: string): Promise<CustomerOrm> {
  return openMongoStore({
    url,
    dbName,
    contextName: 'customer',
    entities: [Customer, CatalogueLaunch, Booking, WaitingListEntry] as unknown as EntitySchema[],
  });
}
