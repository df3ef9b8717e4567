import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import { BayListSchema, BaySchema, CreateBayBody, UpdateBayBody } from './bays.schemas.js';
import type { BaysService } from './bays.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['bays'];

export const baysRoutes: FastifyPluginAsyncTypebox<{ service: BaysService }> = async (app, { service }) => {
  tagRoutes(app, tags);
  app.get(
    '/api/bays',
    { schema: { summary: 'All bays, in board order', response: withProblems({ 200: BayListSchema }) } },
    async () => ({ items: await service.list() }),
  );
  app.post(
    '/api/bays',
    {
      schema: { summary: 'Add a bay', body: CreateBayBody, response: withProblems({ 201: BaySchema }) },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/bays/:id',
    {
      schema: {
        summary: 'Change a bay (send the version you read)',
        params: IdParams,
        body: UpdateBayBody,
        response: withProblems({ 200: BaySchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
};
