import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreateCustomerBody,
  CustomerListQuery,
  CustomerListSchema,
  CustomerSchema,
  DuplicateListSchema,
  DuplicatesQuery,
  MergeCustomerBody,
  MergeResultSchema,
  UpdateCustomerBody,
} from './customers.schemas.js';
import type { CustomersService } from './customers.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['customers'];

export const customersRoutes: FastifyPluginAsyncTypebox<{ service: CustomersService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/customers',
    {
      schema: {
        summary: 'Customers by name, a page at a time (merged ones only when asked)',
        querystring: CustomerListQuery,
        response: withProblems({ 200: CustomerListSchema }),
      },
    },
    async (request) => service.list(request.query),
  );

  app.post(
    '/api/customers',
    {
      schema: {
        summary: 'Add a customer (409 possible-duplicate when the phone or email is already known)',
        body: CreateCustomerBody,
        response: withProblems({ 201: CustomerSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/customers/duplicates',
    {
      schema: {
        summary: 'Customers who already have this phone (any format) or email: the live duplicate warning',
        querystring: DuplicatesQuery,
        response: withProblems({ 200: DuplicateListSchema }),
      },
    },
    async (request) => ({ items: await service.findDuplicates(request.query) }),
  );

  app.get(
    '/api/customers/:id',
    {
      schema: {
        summary: 'One customer (a merged one shows mergedIntoId)',
        params: IdParams,
        response: withProblems({ 200: CustomerSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.patch(
    '/api/customers/:id',
    {
      schema: {
        summary: 'Change a customer (send the version you read)',
        params: IdParams,
        body: UpdateCustomerBody,
        response: withProblems({ 200: CustomerSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/customers/:id/merge',
    {
      schema: {
        summary: 'Merge a duplicate into this customer: its vehicles, repair orders and history move here',
        params: IdParams,
        body: MergeCustomerBody,
        response: withProblems({ 200: MergeResultSchema }),
      },
    },
    async (request) => service.merge(actorOf(request), request.params.id, request.body),
  );
};
