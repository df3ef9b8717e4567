import type { Role } from '../../db/schema.js';
import type { AuthContext } from './sessions.service.js';

/** Roles that may work from outside the shop (through the tunnel), and then only with a second factor. */
export const REMOTE_ROLES: ReadonlySet<Role> = new Set<Role>(['owner', 'advisor']);

export function mayUseRemotely(auth: Pick<AuthContext, 'role' | 'mfaVerified'>): boolean {
  return REMOTE_ROLES.has(auth.role) && auth.mfaVerified;
}
