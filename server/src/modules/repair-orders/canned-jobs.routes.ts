import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, withProblems, VersionQuery } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { actorOf } from '../../plugins/authentication.js';
import type { CannedJobsService } from './canned-jobs.service.js';
import {
  CannedJobListQuery,
  CannedJobListSchema,
  CannedJobSchema,
  CreateCannedJobBody,
  StarterSetResultSchema,
  UpdateCannedJobBody,
} from './repair-orders.schemas.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['canned jobs'];

/** Job templates (part of the repair-orders module). */
export const cannedJobsRoutes: FastifyPluginAsyncTypebox<{ service: CannedJobsService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/canned-jobs',
    {
      schema: {
        summary: 'Canned jobs by name (archived ones with includeInactive=true)',
        querystring: CannedJobListQuery,
        response: withProblems({ 200: CannedJobListSchema }),
      },
    },
    async (request) => ({ items: await service.list(request.query.includeInactive) }),
  );

  app.post(
    '/api/canned-jobs',
    {
      schema: {
        summary: 'Create a canned job with its lines',
        body: CreateCannedJobBody,
        response: withProblems({ 201: CannedJobSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );

  app.post(
    '/api/canned-jobs/starter-set',
    {
      schema: {
        summary:
          'Add the starter set (oil and filter, brake pads per axle, rotation, battery, diagnostics, alignment, wiper blades, cabin filter); once: names already taken are skipped',
        response: withProblems({ 200: StarterSetResultSchema }),
      },
    },
    async (request) => service.addStarterSet(actorOf(request)),
  );

  app.get(
    '/api/canned-jobs/:id',
    {
      schema: {
        summary: 'One canned job',
        params: IdParams,
        response: withProblems({ 200: CannedJobSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.patch(
    '/api/canned-jobs/:id',
    {
      schema: {
        summary: 'Change a canned job (send the version you read); lines are replaced as a whole',
        params: IdParams,
        body: UpdateCannedJobBody,
        response: withProblems({ 200: CannedJobSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/canned-jobs/:id',
    {
      schema: {
        summary: 'Delete a canned job (archived instead when jobs were made from it)',
        params: IdParams,
        querystring: VersionQuery,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.remove(actorOf(request), request.params.id, request.query.version)),
  );
};
