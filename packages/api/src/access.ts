/** Who may call a procedure. Every procedure declares it; one without a rule is refused to everybody. */
import { TRPCError } from '@trpc/server';
import type { AuditActor, UserRole } from '@astro/db/system';

/** The signed-in person a request acts for, as the host's session established it. */
export interface Viewer {
  userId: string;
  name: string;
  email: string;
  roles: readonly UserRole[];
  /** For suppliers: the one agency they act for. */
  agencyId: string | null;
}

export type Access = 'everyone' | readonly UserRole[];

export interface AccessMeta {
  access?: Access;
}

/** Throws the error the caller should see when `viewer` may not call a procedure with this rule. */
export function authorize(access: Access | undefined, viewer: Viewer | null): void {
  if (access === undefined)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This operation has no access rule, so nobody may use it.' });
  if (access === 'everyone') return;
  if (!viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  if (!access.some((role) => viewer.roles.includes(role)))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your account is not allowed to do this.' });
}

/** Roles from the widest reach to the narrowest: an audit entry names the widest one the person holds. */
const rolesByReach: readonly UserRole[] = ['admin', 'finance', 'support', 'operator', 'supplier', 'customer'];

/** Who an audit entry says acted (SPEC.md §8): the account, its e-mail and its role. */
export function auditActorOf(viewer: Viewer): AuditActor {
  return {
    accountId: viewer.userId,
    email: viewer.email,
    role: rolesByReach.find((role) => viewer.roles.includes(role)) ?? viewer.roles[0] ?? 'unknown',
  };
}

/** What an app shows of the signed-in person (name in the header, roles to pick the right links). */
export function signedInAs(viewer: Viewer | null) {
  return viewer ? { name: viewer.name, email: viewer.email, roles: [...viewer.roles] } : null;
}
