import { defineModule } from '../module.js';
import { COUNTER, FLOOR, type Access } from '../../plugins/route-permissions.js';
import { inspectionsRoutes } from './inspections.routes.js';
import { InspectionsService } from './inspections.service.js';
import { MediaStore } from './media-store.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
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
};

/** Digital vehicle inspections: templates, findings, photos and videos. */
export const inspectionsModule = defineModule({
  name: 'inspections',
  needs: ['audit', 'repairOrders', 'cannedJobs', 'technicians'],
  gives: ['inspections'],
  create: ({ config, db, clock, events, log }, { audit, repairOrders, cannedJobs, technicians }) => {
    const media = new MediaStore(config.dataDir);
    const inspections = new InspectionsService(
      db,
      clock,
      audit,
      events,
      repairOrders,
      cannedJobs,
      technicians,
      media,
    );
    return {
      gives: { inspections },
      permissions: PERMISSIONS,
      routes: async (app) =>
        app.register(inspectionsRoutes, { service: inspections, imageMaxBytes: media.limits.imageMaxBytes }),
      // Temp files of uploads a crash or kill cut off: removed before the server takes any request.
      start: async () => {
        const removed = await media.clearTempFiles();
        if (removed > 0) log.info({ removed }, 'removed temp files of unfinished uploads');
      },
    };
  },
});
