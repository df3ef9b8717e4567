import { AuditService } from './audit.service.js';
import { auditRoutes } from './audit.routes.js';
import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/audit-log': OWNER,
};

/** The audit log: who changed money, stock, approvals and job statuses, and when. */
export const auditModule = defineModule({
  name: 'audit',
  needs: [],
  gives: ['audit'],
  create: ({ db, clock }, _needs) => {
    const audit = new AuditService(db, clock);
    return {
      gives: { audit },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(auditRoutes, { service: audit }),
    };
  },
});
