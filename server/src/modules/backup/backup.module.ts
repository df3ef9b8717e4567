import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';
import { backupRoutes } from './backup.routes.js';
import { BackupService } from './backup.service.js';
import { findLitestreamBinary } from './litestream.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/backup': OWNER,
  'PUT /api/backup/settings': OWNER,
  'POST /api/backup/test': OWNER,
};

/** Off-site copies of the database (Litestream); health reports their state. */
export const backupModule = defineModule({
  name: 'backup',
  needs: ['audit', 'system'],
  gives: ['backup'],
  create: ({ app, db, clock, log, database, config }, { audit, system }) => {
    const backup = new BackupService({
      db,
      clock,
      audit,
      log,
      dbPath: database.path,
      dataDir: config.dataDir,
      litestreamBinary: findLitestreamBinary(),
    });
    system.setReplicationSource(() => backup.health());
    app.decorate('backup', backup);
    return {
      gives: { backup },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(backupRoutes, { service: backup }),
      start: () => backup.start(),
      stop: () => backup.stop(),
    };
  },
});
