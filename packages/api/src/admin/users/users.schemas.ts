import { z } from 'zod';
import { staffRoles } from '@astro/auth/accounts';
import { userRoles } from '@astro/db/system';
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

export const setRolesInput = z.object({
  userId: z.uuid('Choose an account.'),
  roles: z.array(z.enum(userRoles)).min(1, 'Choose at least one role.'),
});
export type SetRolesInput = z.infer<typeof setRolesInput>;
