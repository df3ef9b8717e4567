import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreateUserBody,
  ResetPasswordBody,
  SetPinBody,
  UpdateUserBody,
  UserListSchema,
  UserSchema,
} from './users.schemas.js';
import type { UsersService } from './users.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncTypebox<{ service: UsersService }> = async (app, { service }) => {
  tagRoutes(app, tags);
  app.get(
    '/api/users',
    { schema: { summary: 'All staff accounts', response: withProblems({ 200: UserListSchema }) } },
    async () => ({ items: await service.list() }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        summary: 'Create a staff account (technicians may have only a PIN)',
        body: CreateUserBody,
        response: withProblems({ 201: UserSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        summary: 'One staff account',
        params: IdParams,
        response: withProblems({ 200: UserSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        summary: 'Change name, email or role (send the version you read)',
        params: IdParams,
        body: UpdateUserBody,
        response: withProblems({ 200: UserSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  // One switch, two routes: the same answer with the opposite value.
  for (const { verb, active, summary } of [
    {
      verb: 'deactivate',
      active: false,
      summary: 'Deactivate: the user can no longer sign in and their sessions end at once',
    },
    { verb: 'reactivate', active: true, summary: 'Reactivate a deactivated user' },
  ])
    app.post(
      `/api/users/:id/${verb}`,
      { schema: { summary, params: IdParams, response: withProblems({ 200: UserSchema }) } },
      async (request) => service.setActive(actorOf(request), request.params.id, active),
    );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        summary: "Reset a user's password (their sessions end)",
        params: IdParams,
        body: ResetPasswordBody,
        response: withProblems({ 200: UserSchema }),
      },
    },
    async (request) => service.resetPassword(actorOf(request), request.params.id, request.body.password),
  );

  app.put(
    '/api/users/:id/pin',
    {
      schema: {
        summary: "Set or remove a technician's PIN",
        params: IdParams,
        body: SetPinBody,
        response: withProblems({ 200: UserSchema }),
      },
    },
    async (request) => service.setPin(actorOf(request), request.params.id, request.body.pin),
  );
};
