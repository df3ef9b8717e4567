import type { Role } from '../db/schema.js';

/**
 * Who may call what: the table of route × role. Each module declares the rows of its own routes
 * next to them (`permissions` in its `<name>.module.ts`); the app puts them together with the
 * shared rows below. A route missing from the table is denied to everyone (and the
 * authorization-matrix test fails), so a new route cannot ship open by accident.
 *
 * - 'public': no sign-in (health, setup, sign-in itself, docs)
 * - 'display': a bay TV's display token or any signed-in staff member (the board)
 * - 'kiosk': only a paired kiosk's token (the check-in tablet); no staff session
 * - 'live': the live socket (/ws): staff, a bay TV or a kiosk
 * - 'staff': any signed-in staff member
 * - a list of roles: only those
 *
 * Keys are "METHOD url" with the route's own pattern (`:id`); HEAD follows GET. A key ending in
 * `/*` covers everything below that prefix (used only for the docs plugin's own files).
 */
export type Access = 'public' | 'display' | 'kiosk' | 'live' | 'staff' | readonly Role[];

export const OWNER: readonly Role[] = ['owner'];
export const COUNTER: readonly Role[] = ['owner', 'advisor'];
export const FLOOR: readonly Role[] = ['owner', 'advisor', 'technician'];
export const ALL_WORK: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

/** The rows of the shared plugins (the staff app's files, the API docs); each module brings its own. */
export const SHARED_PERMISSIONS: Readonly<Record<string, Access>> = {
  // the staff app's files (the shell, hashed assets, service worker, icons): no data in them
  'GET /': 'public',
  'GET /*': 'public',
  // the API's description
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/*': 'public',
};

/** The whole route × role table of one app: the shared rows plus every module's rows. */
export class RouteTable {
  readonly #rows = new Map<string, Access>();

  /** Adds rows; a route declared twice is a wiring mistake, so it stops the app's build. */
  add(rows: Readonly<Record<string, Access>>, owner: string): void {
    for (const [key, access] of Object.entries(rows)) {
      if (this.#rows.has(key)) throw new Error(`route ${key} is declared twice (again by ${owner})`);
      this.#rows.set(key, access);
    }
  }

  accessFor(method: string, url: string): Access | undefined {
    const verb = method === 'HEAD' ? 'GET' : method;
    const exact = this.#rows.get(`${verb} ${url}`);
    if (exact !== undefined) return exact;
    for (const [key, access] of this.#rows) {
      // The UI's catch-all 'GET /*' is matched exactly only: as a prefix it would make every
      // undeclared route public, defeating the deny-by-default rule.
      if (!key.endsWith('/*') || key === 'GET /*') continue;
      const [keyMethod, keyUrl] = key.split(' ') as [string, string];
      const prefix = keyUrl.slice(0, -1); // keep the trailing slash
      if (keyMethod === verb && url.startsWith(prefix)) return access;
    }
    return undefined;
  }
}

/** Whether a staff member with `role` (null: not signed in) may use a route with this access. */
export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null || access === 'kiosk') return false;
  if (access === 'staff' || access === 'display' || access === 'live') return true;
  return access.includes(role);
}
