import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { uuidKey, timestamps } from '../properties.ts';

export const agencyStatuses = ['active', 'suspended'] as const;

export const Agency = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    id: uuidKey(),
    legalName: p.string().length(200),
    /** Shown to travelers; the legal name stays on invoices. */
    displayName: p.string().length(120),
    taxId: p.string().length(40).unique(),
    legalAddress: p.text(),
    contactEmail: p.string().length(254),
    description: p.text().default(''),
    status: p.enum(agencyStatuses).default('active'),
    ...timestamps(),
  },
});
export type Agency = InferEntity<typeof Agency>;
