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
export type Access = 'public' | 'display' | 'staff' | readonly Role[];

const OWNER: readonly Role[] = ['owner'];
const COUNTER: readonly Role[] = ['owner', 'advisor'];
const FLOOR: readonly Role[] = ['owner', 'advisor', 'technician'];
const ALL_WORK: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

export const ROUTE_PERMISSIONS: Readonly<Record<string, Access>> = {
  // the staff app's files (the shell, hashed assets, service worker, icons): no data in them
  'GET /': 'public',
  'GET /*': 'public',

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
  'GET /api/auth/session': 'public',
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

  // shop settings, technicians, bays
  'GET /api/settings': 'staff',
  'PATCH /api/settings': OWNER,
  'GET /api/technicians': 'staff',
  'POST /api/technicians': OWNER,
  'PATCH /api/technicians/:id': OWNER,
  'GET /api/bays': 'staff',
  'POST /api/bays': OWNER,
  'PATCH /api/bays/:id': OWNER,

  // live updates and the bay TV ('display': staff, or a display token)
  'GET /ws': 'display',
  'GET /api/display/board': 'display',
  'GET /api/display-tokens': OWNER,
  'POST /api/display-tokens': OWNER,
  'DELETE /api/display-tokens/:id': OWNER,

  // <customers>
  'GET /api/customers': 'staff',
  'POST /api/customers': COUNTER,
  'GET /api/customers/duplicates': COUNTER,
  'GET /api/customers/:id': 'staff',
  'PATCH /api/customers/:id': COUNTER,
  'POST /api/customers/:id/merge': COUNTER,
  // </customers>

  // <search>
  'GET /api/search': 'staff',
  // </search>

  // <vehicles>
  'GET /api/vehicles': 'staff',
  'POST /api/vehicles': COUNTER,
  'GET /api/vehicles/:id': 'staff',
  'PATCH /api/vehicles/:id': COUNTER,
  'GET /api/vehicles/:id/odometer': 'staff',
  'POST /api/vehicles/:id/odometer': FLOOR,
  'POST /api/vehicles/:id/transfer': COUNTER,
  'GET /api/vin/:vin/decode': 'staff',
  // </vehicles>

  // <repair-orders>
  'GET /api/repair-orders': 'staff',
  'POST /api/repair-orders': COUNTER,
  'GET /api/repair-orders/:id': 'staff',
  'PATCH /api/repair-orders/:id': COUNTER,
  'POST /api/repair-orders/:id/jobs': FLOOR,
  'POST /api/repair-orders/:id/approvals': COUNTER,
  'GET /api/jobs': 'staff',
  'GET /api/jobs/:id': 'staff',
  'PATCH /api/jobs/:id': FLOOR,
  'DELETE /api/jobs/:id': COUNTER,
  'POST /api/jobs/:id/status': FLOOR,
  'POST /api/jobs/:id/lines': ALL_WORK,
  'PATCH /api/lines/:id': ALL_WORK,
  'DELETE /api/lines/:id': COUNTER,
  'GET /api/canned-jobs': 'staff',
  'POST /api/canned-jobs': COUNTER,
  'POST /api/canned-jobs/starter-set': COUNTER,
  'GET /api/canned-jobs/:id': 'staff',
  'PATCH /api/canned-jobs/:id': COUNTER,
  'DELETE /api/canned-jobs/:id': COUNTER,
  // </repair-orders>

  // <appointments>
  'GET /api/appointments': 'staff',
  'POST /api/appointments': COUNTER,
  'GET /api/appointments/:id': 'staff',
  'PATCH /api/appointments/:id': COUNTER,
  'POST /api/appointments/:id/cancel': COUNTER,
  'POST /api/appointments/:id/no-show': COUNTER,
  'POST /api/appointments/:id/arrive': COUNTER,
  // </appointments>

  // <notifications>
  'GET /api/notification-settings': OWNER,
  'PATCH /api/notification-settings': OWNER,
  'POST /api/notification-settings/test': OWNER,
  'GET /api/notifications/readiness': COUNTER,
  'GET /api/notifications/problems': COUNTER,
  'POST /api/notifications/messages/:messageId/retry': COUNTER,
  'GET /api/repair-orders/:id/messages': 'staff',
  'POST /api/repair-orders/:id/notify-ready': COUNTER,
  'GET /api/push/public-key': 'staff',
  'POST /api/push-subscriptions': 'staff',
  'DELETE /api/push-subscriptions': 'staff',
  'POST /api/public/sms/inbound': 'public',
  // </notifications>

  // <inspections>
  'GET /api/inspection-templates': 'staff',
  'POST /api/inspection-templates': COUNTER,
  'GET /api/inspection-templates/:id': 'staff',
  'PATCH /api/inspection-templates/:id': COUNTER,
  'DELETE /api/inspection-templates/:id': COUNTER,
  'GET /api/inspections': 'staff',
  'GET /api/repair-orders/:id/inspections': 'staff',
  'POST /api/repair-orders/:id/inspections': FLOOR,
  'GET /api/inspections/:id': 'staff',
  'PATCH /api/inspections/:id/findings/:itemKey': FLOOR,
  'POST /api/inspections/:id/findings/:itemKey/recommend-job': FLOOR,
  'POST /api/inspections/:id/complete': FLOOR,
  'POST /api/inspections/:id/reopen': FLOOR,
  'POST /api/inspections/:id/media': FLOOR,
  'DELETE /api/inspections/:id/media/:mediaId': FLOOR,
  'GET /api/media/:hash': 'staff',
  // </inspections>

  // <approvals>  (the customer's link: public routes under /api/public/approvals/:token)
  'POST /api/repair-orders/:id/approval-requests': COUNTER,
  'GET /api/repair-orders/:id/approval-requests': 'staff',
  'POST /api/repair-orders/:id/approval-requests/:requestId/revoke': COUNTER,
  'GET /api/vehicles/:id/deferred-work': 'staff',
  'GET /api/public/approvals/:token': 'public',
  'GET /api/public/approvals/:token/media/:hash': 'public',
  'POST /api/public/approvals/:token': 'public',
  // </approvals>

  // <inventory>
  'GET /api/inventory/items': ALL_WORK,
  'POST /api/inventory/items': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/items/:id': ALL_WORK,
  'PATCH /api/inventory/items/:id': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/items/:id/movements': ALL_WORK,
  'POST /api/inventory/items/:id/movements': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/items/:id/receive': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/ledger-check': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/reorder-suggestions': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/vendors': ALL_WORK,
  'POST /api/inventory/vendors': ['owner', 'advisor', 'parts'],
  'PATCH /api/inventory/vendors/:id': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/purchase-orders': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/purchase-orders/:id': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders/:id/order': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders/:id/cancel': ['owner', 'advisor', 'parts'],
  'POST /api/inventory/purchase-orders/:id/receive': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/pricing-matrix': ['owner', 'advisor', 'parts'],
  'GET /api/inventory/pricing-matrix/preview': ['owner', 'advisor', 'parts'],
  'PUT /api/inventory/pricing-matrix': OWNER,
  // </inventory>

  // <billing>
  'POST /api/invoices': COUNTER,
  'GET /api/invoices': COUNTER,
  'GET /api/invoices/:id': COUNTER,
  'GET /api/invoices/:id/pdf': COUNTER,
  'GET /api/invoices/:id/document': COUNTER,
  'POST /api/invoices/:id/payments': COUNTER,
  'POST /api/invoices/:id/refunds': COUNTER,
  'POST /api/invoices/:id/credit-notes': COUNTER,
  'POST /api/invoices/:id/void': COUNTER,
  'POST /api/invoices/:id/charge-to-account': COUNTER,
  'POST /api/repair-orders/:id/deposits': COUNTER,
  'GET /api/repair-orders/:id/deposits': COUNTER,
  'POST /api/payments/:id/void': COUNTER,
  'GET /api/accounts-receivable/aging': OWNER,
  // </billing>

  // <timeclock>  (parts may not clock; corrections and review are the counter's)
  'GET /api/jobs/:id/clock': 'staff',
  'POST /api/jobs/:id/clock/on': FLOOR,
  'POST /api/jobs/:id/clock/off': FLOOR,
  'GET /api/timeclock/me': FLOOR,
  'GET /api/timeclock/technicians/:id': COUNTER,
  'GET /api/timeclock/entries': COUNTER,
  'PATCH /api/timeclock/entries/:id': COUNTER,
  'POST /api/timeclock/shifts/clock-in': FLOOR,
  'POST /api/timeclock/shifts/clock-out': FLOOR,
  'GET /api/timeclock/shifts': COUNTER,
  'PATCH /api/timeclock/shifts/:id': COUNTER,
  // </timeclock>

  // <reports>  (the owner's numbers; the end of day is also the counter's)
  'GET /api/reports/kpis': OWNER,
  'GET /api/reports/kpis.csv': OWNER,
  'GET /api/reports/technicians': OWNER,
  'GET /api/reports/technicians.csv': OWNER,
  'GET /api/reports/inventory': OWNER,
  'GET /api/reports/inventory.csv': OWNER,
  'GET /api/reports/end-of-day': COUNTER,
  'GET /api/reports/end-of-day.csv': COUNTER,
  'GET /api/reports/accounting.iif': OWNER,
  'GET /api/reports/accounting.csv': OWNER,
  // </reports>

  // <backup>  (the owner's off-site copies)
  'GET /api/backup': OWNER,
  'PUT /api/backup/settings': OWNER,
  'POST /api/backup/test': OWNER,
  // </backup>

  // <offsite-files>  (photos and files on their way off-site: the owner's)
  'GET /api/backup/files': OWNER,
  'POST /api/backup/files/retry': OWNER,
  // </offsite-files>

  // <remote-access>  (tunnel and certificates: the owner's; the CA is public on the LAN)
  'GET /api/remote-access': OWNER,
  'PUT /api/remote-access/tunnel': OWNER,
  'DELETE /api/remote-access/tunnel': OWNER,
  'GET /api/tls/ca.crt': 'public',
  'GET /api/tls/ca.mobileconfig': 'public',
  // </remote-access>
};

export function accessFor(method: string, url: string): Access | undefined {
  const verb = method === 'HEAD' ? 'GET' : method;
  const exact = ROUTE_PERMISSIONS[`${verb} ${url}`];
  if (exact !== undefined) return exact;
  for (const [key, access] of Object.entries(ROUTE_PERMISSIONS)) {
    // The UI's catch-all 'GET /*' is matched exactly only: as a prefix it would make every
    // undeclared route public, defeating the deny-by-default rule.
    if (!key.endsWith('/*') || key === 'GET /*') continue;
    const [keyMethod, keyUrl] = key.split(' ') as [string, string];
    const prefix = keyUrl.slice(0, -1); // keep the trailing slash
    if (keyMethod === verb && url.startsWith(prefix)) return access;
  }
  return undefined;
}

/** Whether a staff member with `role` (null: not signed in) may use a route with this access. */
export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'staff' || access === 'display') return true;
  return access.includes(role);
}
