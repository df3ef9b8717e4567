import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf, requireAuth } from '../../plugins/authentication.js';
import {
  CreateTechnicianBody,
  TechnicianListSchema,
  TechnicianSchema,
  UpdateTechnicianBody,
} from './technicians.schemas.js';
import type { TechniciansService } from './technicians.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['technicians'];

export const techniciansRoutes: FastifyPluginAsyncTypebox<{ service: TechniciansService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/technicians',
    {
      schema: {
        summary: 'All technicians (pay rate and basis for the owner only)',
        response: withProblems({ 200: TechnicianListSchema }),
      },
    },
    async (request) => ({ items: await service.list(requireAuth(request).role) }),
  );
  app.post(
    '/api/technicians',
    {
      schema: {
        summary: 'Add a technician',
        body: CreateTechnicianBody,
        response: withProblems({ 201: TechnicianSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/technicians/:id',
    {
      schema: {
        summary: 'Change a technician (send the version you read)',
        params: IdParams,
        body: UpdateTechnicianBody,
        response: withProblems({ 200: TechnicianSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
};
