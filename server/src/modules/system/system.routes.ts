import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema } from './system.schemas.js';
import type { SystemService } from './system.service.js';

export const systemRoutes: FastifyPluginAsyncTypebox<{ service: SystemService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        security: [],
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const health = await service.health();
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
};
