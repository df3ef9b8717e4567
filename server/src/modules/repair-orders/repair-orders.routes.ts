import { sendJsonText } from '../../lib/json-text.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import { cannedJobsRoutes } from './canned-jobs.routes.js';
import { jobsRoutes } from './jobs.routes.js';
import {
  ApprovalsBody,
  CreateJobBody,
  CreateRepairOrderBody,
  JobSchema,
  RepairOrderListQuery,
  RepairOrderPageSchema,
  RepairOrderSchema,
  UpdateRepairOrderBody,
} from './repair-orders.schemas.js';
import type { RepairOrdersService } from './repair-orders.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['repair orders'];

export const repairOrdersRoutes: FastifyPluginAsyncTypebox<{ service: RepairOrdersService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/repair-orders',
    {
      schema: {
        summary: 'Repair orders, newest first, by status, customer or vehicle',
        querystring: RepairOrderListQuery,
        response: withProblems({ 200: RepairOrderPageSchema }),
      },
    },
    async (request) => service.list(request.query),
  );

  app.post(
    '/api/repair-orders',
    {
      schema: {
        summary: 'Open a repair order (check-in): each concern becomes a Pending job',
        body: CreateRepairOrderBody,
        response: withProblems({ 201: RepairOrderSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.open(actorOf(request), request.body)),
  );

  app.get(
    '/api/repair-orders/:id',
    {
      schema: {
        summary: 'One repair order with its customer, vehicle, jobs, lines and totals',
        params: IdParams,
        response: withProblems({ 200: RepairOrderSchema }),
      },
    },
    // Pre-serialized text with an ETag (see RepairOrdersService.getJson): 304 when unchanged.
    async (request, reply) => sendJsonText(request, reply, await service.getJson(request.params.id)),
  );

  app.patch(
    '/api/repair-orders/:id',
    {
      schema: {
        summary: 'Change concerns, promised time, waiter, key tag or notes (send the version you read)',
        params: IdParams,
        body: UpdateRepairOrderBody,
        response: withProblems({ 200: RepairOrderSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/repair-orders/:id/jobs',
    {
      schema: {
        summary: 'Add a job, optionally from a canned job (its lines are copied)',
        params: IdParams,
        body: CreateJobBody,
        response: withProblems({ 201: JobSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.jobs.add(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/repair-orders/:id/approvals',
    {
      schema: {
        summary: "Record the customer's decisions on lines: approved, declined or deferred",
        params: IdParams,
        body: ApprovalsBody,
        response: withProblems({ 200: RepairOrderSchema }),
      },
    },
    async (request) => service.recordApprovals(actorOf(request), request.params.id, request.body),
  );

  await app.register(jobsRoutes, { jobs: service.jobs, lines: service.lines });
  await app.register(cannedJobsRoutes, { service: service.cannedJobs });
};
