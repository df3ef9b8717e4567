import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { SearchQuery, SearchResultSchema } from './search.schemas.js';
import type { SearchService } from './search.service.js';

export const searchRoutes: FastifyPluginAsyncTypebox<{ service: SearchService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'The one search box: customers, vehicles and repair orders, ranked and grouped by kind',
        querystring: SearchQuery,
        response: withProblems({ 200: SearchResultSchema }),
      },
    },
    async (request) => service.search(request.query),
  );
};
