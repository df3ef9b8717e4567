import { defineModule } from '../module.js';
import type { Access } from '../../plugins/route-permissions.js';
import { systemRoutes } from './system.routes.js';
import { SystemService } from './system.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/health': 'public',
};

/**
 * Health: the database, the storage (a probe write now and then, free space) and, once the backup
 * module hands it a source, replication. Health hears of a full or read-only disk from the error
 * handler at once (`noticeStorageFault`).
 */
export const systemModule = defineModule({
  name: 'system',
  needs: [],
  gives: ['system'],
  create: ({ config, db, clock, version, log }) => {
    const system = new SystemService(db, clock, version, {
      dataDir: config.dataDir,
      lowSpace: { freeBytes: config.lowDiskFreeBytes, freePercent: config.lowDiskFreePercent },
      log,
    });
    return {
      gives: { system },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(systemRoutes, { service: system }),
      start: () => system.start(),
      stop: () => system.stop(),
    };
  },
});
