import type { AccountStatus, StaffRole } from '@astro/api';

/** The roles an admin gives, in the order the forms offer them. */
export const roleLabels: Record<StaffRole, string> = {
  support: 'Support',
  finance: 'Finance',
  admin: 'Admin',
  operator: 'Operator',
  supplier: 'Supplier',
};
export const staffRoles = Object.keys(roleLabels) as StaffRole[];

export const statusLabels: Record<AccountStatus, string> = {
  active: 'Active',
  locked: 'Locked',
  deactivated: 'Deactivated',
  invited: 'Invited',
};
export const accountStatuses = Object.keys(statusLabels) as AccountStatus[];

export const statusBadge: Record<AccountStatus, string> = {
  active: 'ab-badge ab-badge--good',
  locked: 'ab-badge ab-badge--warn',
  deactivated: 'ab-badge ab-badge--bad',
  invited: 'ab-badge',
};

/** Roles as the forms' checkboxes hold them. */
export type RoleChoice = Record<StaffRole, boolean>;
export const roleChoice = (roles: readonly string[]): RoleChoice =>
  Object.fromEntries(staffRoles.map((role) => [role, roles.includes(role)])) as RoleChoice;
export const chosenRoles = (choice: RoleChoice): StaffRole[] => staffRoles.filter((role) => choice[role]);

export const rolesInWords = (roles: readonly string[]) =>
  roles.map((role) => roleLabels[role as StaffRole] ?? role).join(', ');
