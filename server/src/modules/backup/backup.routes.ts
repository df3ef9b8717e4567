import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  BackupViewSchema,
  TestConnectionBody,
  TestConnectionResultSchema,
  UpdateBackupSettingsBody,
} from './backup.schemas.js';
import type { BackupService } from './backup.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['backup'];

export const backupRoutes: FastifyPluginAsyncTypebox<{ service: BackupService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/backup',
    {
      schema: {
        summary:
          'Where the database is replicated (the secret only as set/not set) and how replication is doing',
        response: withProblems({ 200: BackupViewSchema }),
      },
    },
    async () => service.get(),
  );
  app.put(
    '/api/backup/settings',
    {
      schema: {
        summary: 'Change the replica target (send the version you read; the secret is write-only)',
        body: UpdateBackupSettingsBody,
        response: withProblems({ 200: BackupViewSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.body),
  );
  app.post(
    '/api/backup/test',
    {
      schema: {
        summary: 'Test the stored target, or a candidate before saving it (write, read, delete a probe)',
        body: TestConnectionBody,
        response: withProblems({ 200: TestConnectionResultSchema }),
      },
    },
    async (request) => service.test(request.body),
  );
};
