import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, withProblems } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreateDisplayTokenBody,
  CreatedDisplayTokenSchema,
  DisplayBoardSchema,
  DisplayTokenListSchema,
} from './display.schemas.js';
import type { DisplayService } from './display.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['display'];

export const displayRoutes: FastifyPluginAsyncTypebox<{ service: DisplayService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/display/board',
    {
      schema: {
        summary: 'The bay TV board (display token or staff): one card per bay',
        security: [{ displayToken: [] }, { session: [] }],
        response: withProblems({ 200: DisplayBoardSchema }),
      },
    },
    async () => service.board(),
  );
  app.get(
    '/api/display-tokens',
    {
      schema: {
        summary: 'Display tokens for the bay TVs',
        response: withProblems({ 200: DisplayTokenListSchema }),
      },
    },
    async () => ({ items: await service.list() }),
  );
  app.post(
    '/api/display-tokens',
    {
      schema: {
        summary: 'Create a display token (the token is shown once)',
        body: CreateDisplayTokenBody,
        response: withProblems({ 201: CreatedDisplayTokenSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body.name)),
  );
  app.delete(
    '/api/display-tokens/:id',
    {
      schema: {
        summary: 'Revoke a display token',
        params: IdParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => noContent(reply, service.revoke(actorOf(request), request.params.id)),
  );
};
