import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { uuidKey } from '../properties.ts';

export const employeeRoles = ['support', 'finance', 'admin', 'operator'] as const;

/** An Astro Bookings staff member; their credentials live in the System DB under the same e-mail. */
export const Employee = defineEntity({
  name: 'Employee',
  tableName: 'employee',
  properties: {
    id: uuidKey(),
    email: p.string().length(254).unique(),
    name: p.string().length(200),
    role: p.enum(employeeRoles),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Employee = InferEntity<typeof Employee>;
