import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import { SettingsResponseSchema, UpdateSettingsBody } from './settings.schemas.js';
import type { SettingsService } from './settings.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncTypebox<{ service: SettingsService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/settings',
    {
      schema: {
        summary: 'Shop settings: details, labor rate, tax, shop supplies',
        response: withProblems({ 200: SettingsResponseSchema }),
      },
    },
    async () => service.get(),
  );
  app.patch(
    '/api/settings',
    {
      schema: {
        summary: 'Change shop settings (send the version you read)',
        body: UpdateSettingsBody,
        response: withProblems({ 200: SettingsResponseSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.body),
  );
};
