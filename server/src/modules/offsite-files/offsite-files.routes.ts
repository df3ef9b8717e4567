import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { OffsiteFilesStatusSchema } from './offsite-files.schemas.js';
import type { OffsiteFilesService } from './offsite-files.service.js';

const tags = ['backup'];

export const offsiteFilesRoutes: FastifyPluginAsyncTypebox<{ service: OffsiteFilesService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/backup/files',
    {
      schema: {
        tags,
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
        tags,
        summary: 'Retry failed uploads now instead of waiting for their backoff',
        response: withProblems({ 200: OffsiteFilesStatusSchema }),
      },
    },
    async () => service.retryNow(),
  );
};
