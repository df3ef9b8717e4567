import type { Role } from '../db/schema.js';

/**
 * Who may call what: the one table of route × role. A route missing here is denied to everyone
 * (and the authorization-matrix test fails), so a new route cannot ship open by accident.
 *
 * - 'public': no sign-in (health, setup, sign-in itself, docs)
 * - 'staff': any signed-in staff member
 * - a list of roles: only those
 *
 * Keys are "METHOD url" with the route's own pattern (`:id`); HEAD follows GET. A key ending in
 * `/*` covers everything below that prefix (used only for the docs plugin's own files).
 */
export type Access = 'public' | 'staff' | readonly Role[];

const OWNER: readonly Role[] = ['owner'];

export const ROUTE_PERMISSIONS: Readonly<Record<string, Access>> = {
  // system
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/*': 'public',

  // first run and sign-in
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/pin': 'public',
  'GET /api/auth/pin-users': 'public',
  'POST /api/auth/logout': 'staff',
  'GET /api/auth/me': 'staff',
  'POST /api/auth/password': 'staff',
  'POST /api/auth/totp/enroll': 'staff',
  'POST /api/auth/totp/confirm': 'staff',
  'POST /api/auth/totp/disable': 'staff',
  'DELETE /api/users/:id/totp': OWNER,

  // staff accounts
  'GET /api/users': OWNER,
  'POST /api/users': OWNER,
  'GET /api/users/:id': OWNER,
  'PATCH /api/users/:id': OWNER,
  'POST /api/users/:id/deactivate': OWNER,
  'POST /api/users/:id/reactivate': OWNER,
  'POST /api/users/:id/password': OWNER,
  'PUT /api/users/:id/pin': OWNER,

  // audit
  'GET /api/audit-log': OWNER,
};

export function accessFor(method: string, url: string): Access | undefined {
  const verb = method === 'HEAD' ? 'GET' : method;
  const exact = ROUTE_PERMISSIONS[`${verb} ${url}`];
  if (exact !== undefined) return exact;
  for (const [key, access] of Object.entries(ROUTE_PERMISSIONS)) {
    if (!key.endsWith('/*')) continue;
    const [keyMethod, keyUrl] = key.split(' ') as [string, string];
    const prefix = keyUrl.slice(0, -1); // keep the trailing slash
    if (keyMethod === verb && url.startsWith(prefix)) return access;
  }
  return undefined;
}

export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'staff') return true;
  return access.includes(role);
}
