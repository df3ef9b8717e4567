import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { OffsiteFilesStatusSchema } from './offsite-files.schemas.js';
import type { OffsiteFilesService } from './offsite-files.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['backup'];

export const offsiteFilesRoutes: FastifyPluginAsyncTypebox<{ service: OffsiteFilesService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/backup/files',
    {
      schema: {
        summary: 'Photos and other files on their way to the off-site copy: counts, last upload, last error',
        response: withProblems({ 200: OffsiteFilesStatusSchema }),
      },
    },
    async () => service.status(),
  );
  app.post(
    '/api/backup/files/retry',
    {
      schema: {
        summary: 'Retry failed uploads now instead of waiting for their backoff',
        response: withProblems({ 200: OffsiteFilesStatusSchema }),
      },
    },
    async () => service.retryNow(),
  );
};
