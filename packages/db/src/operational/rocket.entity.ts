import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ranges } from '@astro/domain';
import { Agency } from './agency.entity.ts';

export const Rocket = defineEntity({
  name: 'Rocket',
  tableName: 'rocket',
  uniques: [{ name: 'rocket_agency_name_unique', properties: ['agency', 'name'] }],
  checks: [{ name: 'rocket_capacity_check', expression: 'capacity between 1 and 100' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    agency: () => p.manyToOne(Agency).index(),
    name: p.string().length(120),
    capacity: p.integer(),
    range: p.enum(ranges),
    /** Rockets are deactivated, never deleted: past launches keep pointing at them. */
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Rocket = InferEntity<typeof Rocket>;
