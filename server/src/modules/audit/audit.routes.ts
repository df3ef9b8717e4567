import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { AuditPageSchema, AuditQuerySchema } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncTypebox<{ service: AuditService }> = async (app, { service }) => {
  app.get(
    '/api/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, filtered by entity or actor',
        querystring: AuditQuerySchema,
        response: withProblems({ 200: AuditPageSchema }),
      },
    },
    async (request) => {
      const items = await service.list(request.query);
      const last = items.at(-1);
      return { items, nextBefore: items.length === request.query.limit && last ? last.id : null };
    },
  );
};
