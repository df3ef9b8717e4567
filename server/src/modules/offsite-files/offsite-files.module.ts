import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';
import { offsiteFilesRoutes } from './offsite-files.routes.js';
import { OffsiteFilesService } from './offsite-files.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/backup/files': OWNER,
  'POST /api/backup/files/retry': OWNER,
};

/** Photos and files on their way off-site, to where the owner's backup settings send the database. */
export const offsiteFilesModule = defineModule({
  name: 'offsite-files',
  needs: ['backup', 'inspections'],
  gives: ['offsiteFiles'],
  create: ({ app, db, clock, config, log }, { backup, inspections }) => {
    const offsiteFiles = new OffsiteFilesService({
      db,
      clock,
      dataDir: config.dataDir,
      targetProvider: () => backup.currentTarget(),
      // Content-Type of the uploaded object: media_files.mime, read through the inspections service.
      mimeOf: async (hash) => (await inspections.openMedia(hash)).mime,
      log,
    });
    app.decorate('offsiteFiles', offsiteFiles);
    let stopRequeue: (() => void) | null = null;
    return {
      gives: { offsiteFiles },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(offsiteFilesRoutes, { service: offsiteFiles }),
      start: () => {
        // A new bucket or folder holds none of the files yet: send them all again.
        stopRequeue = backup.onTargetChanged(() => {
          offsiteFiles
            .requeueAll()
            .catch((error: unknown) => log.error({ err: error }, 'requeueing files failed'));
        });
        return offsiteFiles.start();
      },
      stop: async () => {
        stopRequeue?.();
        await offsiteFiles.stop();
      },
    };
  },
});
