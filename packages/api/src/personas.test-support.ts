/** The people the API tests call as: one viewer per role, two customers and two suppliers of different agencies. */
import type { UserRole } from '@astro/db/system';
import type { Viewer } from './access.ts';

export const viewerAs = (role: UserRole, options: { agencyId?: string; id?: string } = {}): Viewer => ({
  userId: options.id ?? `${role}-${options.agencyId ?? 'user'}`,
  name: `Test ${role}`,
  email: `${role}@example.com`,
  roles: [role],
  agencyId: options.agencyId ?? null,
});
