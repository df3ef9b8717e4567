import { sendJsonText } from '../../lib/json-text.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, withProblems, VersionQuery } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { actorOf } from '../../plugins/authentication.js';
import type { JobsService } from './jobs.service.js';
import type { LinesService } from './lines.service.js';
import {
  BoardSchema,
  CreateLineBody,
  JobBoardQuery,
  JobSchema,
  JobStatusBody,
  LineSchema,
  UpdateJobBody,
  UpdateLineBody,
} from './repair-orders.schemas.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['jobs'];

/** Service jobs and their line items (part of the repair-orders module). */
export const jobsRoutes: FastifyPluginAsyncTypebox<{ jobs: JobsService; lines: LinesService }> = async (
  app,
  { jobs, lines },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/jobs',
    {
      schema: {
        summary: 'The job board: every job not yet Paid on an open repair order',
        querystring: JobBoardQuery,
        response: withProblems({ 200: BoardSchema }),
      },
    },
    // Pre-serialized text with an ETag (see JobsService.boardJson): 304 when the screen has it already.
    async (request, reply) => sendJsonText(request, reply, await jobs.boardJson(request.query)),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        summary: 'One job with its lines',
        params: IdParams,
        response: withProblems({ 200: JobSchema }),
      },
    },
    async (request) => jobs.get(request.params.id),
  );

  app.patch(
    '/api/jobs/:id',
    {
      schema: {
        summary: "Change a job's title, 3C's, technician, bay or times (send the version you read)",
        params: IdParams,
        body: UpdateJobBody,
        response: withProblems({ 200: JobSchema }),
      },
    },
    async (request) => jobs.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/jobs/:id',
    {
      schema: {
        summary: 'Delete a job: only while Pending with no approved lines',
        params: IdParams,
        querystring: VersionQuery,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, jobs.remove(actorOf(request), request.params.id, request.query.version)),
  );

  app.post(
    '/api/jobs/:id/status',
    {
      schema: {
        summary: 'Move a job: Pending → In_Progress ⇄ Blocked (reason) → Completed. Paid is set by billing.',
        params: IdParams,
        body: JobStatusBody,
        response: withProblems({ 200: JobSchema }),
      },
    },
    async (request) => jobs.changeStatus(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/jobs/:id/lines',
    {
      schema: {
        summary: 'Add a line (labor, part, fee, sublet) as recommended',
        params: IdParams,
        body: CreateLineBody,
        response: withProblems({ 201: LineSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await lines.add(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/lines/:id',
    {
      schema: {
        summary: 'Change a line; a new quantity or price on an approved line needs approval again',
        params: IdParams,
        body: UpdateLineBody,
        response: withProblems({ 200: LineSchema }),
      },
    },
    async (request) => lines.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/lines/:id',
    {
      schema: {
        summary: 'Delete a line',
        params: IdParams,
        querystring: VersionQuery,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, lines.remove(actorOf(request), request.params.id, request.query.version)),
  );
};
