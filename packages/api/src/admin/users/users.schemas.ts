import { z } from 'zod';
import { accountStatuses, staffRoles, type AccountStatus, type StaffRole } from '@astro/auth/accounts';
import { userRoles, type UserRole } from '@astro/db/system';
import type { Availability } from '@astro/domain';
import { text } from '../../text.ts';

export const createUserInput = z
  .object({
    name: text({ max: 120 }).trim().min(1, 'Enter the person’s full name.'),
    email: z.email('Enter an e-mail address like name@example.com.').max(254),
    roles: z.array(z.enum(staffRoles)).min(1, 'Choose at least one role.'),
    agencyId: z.uuid('Choose the agency this supplier acts for.').nullish(),
  })
  .refine((input) => !input.roles.includes('supplier') || input.agencyId, {
    path: ['agencyId'],
    message: 'Choose the agency this supplier acts for.',
  });
export type CreateUserInput = z.infer<typeof createUserInput>;

const userId = z.uuid('Choose an account.');

export const setRolesInput = z.object({
  userId,
  roles: z.array(z.enum(userRoles)).min(1, 'Choose at least one role.'),
});
export type SetRolesInput = z.infer<typeof setRolesInput>;

export const listUsersInput = z.object({
  /** Part of the name or the e-mail address, any case. */
  search: text({ max: 120 }).trim().optional(),
  role: z.enum(staffRoles).optional(),
  status: z.enum(accountStatuses).optional(),
  agencyId: z.uuid('Choose an agency from the list.').optional(),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(100).default(25),
});
export type ListUsersInput = z.infer<typeof listUsersInput>;

export const userInput = z.object({ userId });
export type UserInput = z.infer<typeof userInput>;

export const deactivateInput = z.object({
  userId,
  reason: text({ max: 500, multiline: true }).trim().min(3, 'Say why the account is deactivated.'),
});
export type DeactivateInput = z.infer<typeof deactivateInput>;

export const reactivateInput = z.object({
  userId,
  reason: text({ max: 500, multiline: true }).trim().min(3, 'Say why the account is reactivated.'),
});
export type ReactivateInput = z.infer<typeof reactivateInput>;

/** An action on an account page: offered, or not, and then why not. */

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
  roles: UserRole[];
  agency: { id: string; name: string } | null;
  status: AccountStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export interface AccountDetail extends AccountSummary {
  deactivatedAt: Date | null;
  deactivationReason: string | null;
  /** When the sign-in limit lets the owner try again by themselves, while locked. */
  lockedUntil: Date | null;
  actions: Record<'removeAdmin' | 'deactivate' | 'reactivate' | 'unlock' | 'sendPasswordReset', Availability>;
}

export type { AccountStatus, StaffRole };
