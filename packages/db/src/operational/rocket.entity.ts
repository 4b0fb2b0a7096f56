import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { uuidKey, timestamps } from '../properties.ts';
import { ranges } from '@astro/domain';
import { Agency } from './agency.entity.ts';

export const Rocket = defineEntity({
  name: 'Rocket',
  tableName: 'rocket',
  uniques: [{ name: 'rocket_agency_name_unique', properties: ['agency', 'name'] }],
  checks: [{ name: 'rocket_capacity_check', expression: 'capacity >= 1 and capacity <= 100' }],
  properties: {
    id: uuidKey(),
    agency: () => p.manyToOne(Agency).index(),
    name: p.string().length(120),
    capacity: p.integer(),
    range: p.enum(ranges),
    /** Rockets are deactivated, never deleted: past launches keep pointing at them. */
    active: p.boolean().default(true),
    ...timestamps(),
  },
});
export type Rocket = InferEntity<typeof Rocket>;
